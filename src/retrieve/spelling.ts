/**
 * British → American spelling, so "labour" finds "labor" and "organisation"
 * finds "organization". Regular patterns are rules with exception lists
 * (-our, -ise/-isation, -yse); irregular ones are a table. Input is one
 * lower-cased word; output is the American form (or the word unchanged).
 *
 * @example
 * americanize('labour'); // 'labor'
 * americanize('organisations'); // 'organizations'
 * americanize('surprise'); // 'surprise' (not a British -ise)
 */

/** Stems that take -our in British English (colour, neighbour…); "our" words like "four", "hour", "tour" are not listed. */
const OUR_STEMS = [
  'arb', 'ard', 'arm', 'behavi', 'cand', 'clam', 'col', 'demean', 'discol', 'endeav', 'fav', 'ferv', 'flav', 'harb', 'hon', 'dishon',
  'hum', 'lab', 'misbehavi', 'neighb', 'od', 'parl', 'ranc', 'rig', 'rum', 'sav', 'savi', 'splend', 'succ', 'tum', 'val', 'vap', 'vig',
];
const OUR_SUFFIXES = ['', 's', 'ed', 'ing', 'er', 'ers', 'ite', 'ites', 'able', 'ably', 'ful', 'less', 'ist', 'ists', 'ism', 'hood', 'hoods', 'ly', 'ier', 'iest'];
const OUR_RE = new RegExp(`^(${OUR_STEMS.join('|')})our(${OUR_SUFFIXES.filter(Boolean).join('|')})?$`);

/**
 * Words whose -ise is not the British spelling of -ize (the part before "e"/"ed"/"ing"…).
 * Matched exactly, or as the end of a longer word for the longer stems ("unsupervised").
 */
const ISE_EXACT = new Set(['ris', 'wis', 'vis', 'pois', 'nois', 'rais', 'prais', 'guis', 'anis', 'cruis', 'bruis', 'demis', 'precis', 'concis', 'excis', 'incis', 'valis', 'chemis', 'mortis', 'sis', 'lis', 'dis', 'promis', 'pris', 'cris', 'iris', 'mis']);
const ISE_SUFFIX = [
  'advis', 'aris', 'apprais', 'appris', 'chastis', 'circumcis', 'clockwis', 'compris', 'compromis', 'despis', 'devis', 'disguis', 'enterpris',
  'exercis', 'expertis', 'franchis', 'improvis', 'likewis', 'merchandis', 'otherwis', 'paradis', 'porpois', 'premis', 'repris', 'revis',
  'supervis', 'surpris', 'televis', 'tortois', 'treatis', 'turquois', 'advertis', 'sunris', 'upris', 'surmis', 'reprais',
];
const ISE_RE = /^([a-z]{2,}?is)(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;

/** Irregular pairs (inflected forms listed where they differ beyond a plain suffix). */
const TABLE = new Map<string, string>(Object.entries({
  programme: 'program', programmes: 'programs', grey: 'gray', greys: 'grays', greyish: 'grayish', tyre: 'tire', tyres: 'tires',
  aluminium: 'aluminum', plough: 'plow', ploughs: 'plows', ploughed: 'plowed', sceptic: 'skeptic', sceptics: 'skeptics', sceptical: 'skeptical',
  scepticism: 'skepticism', mould: 'mold', moulds: 'molds', moulded: 'molded', mouldy: 'moldy', smoulder: 'smolder', smouldering: 'smoldering',
  moustache: 'mustache', pyjamas: 'pajamas', ageing: 'aging', judgement: 'judgment', judgements: 'judgments', acknowledgement: 'acknowledgment',
  acknowledgements: 'acknowledgments', whilst: 'while', amongst: 'among', learnt: 'learned', spelt: 'spelled', burnt: 'burned', dreamt: 'dreamed',
  leapt: 'leaped', spoilt: 'spoiled', draught: 'draft', draughts: 'drafts', cheque: 'check', cheques: 'checks', kerb: 'curb', storey: 'story',
  storeys: 'stories', sulphur: 'sulfur', artefact: 'artifact', artefacts: 'artifacts', cosy: 'cozy', doughnut: 'donut', gaol: 'jail',
  towards: 'toward', afterwards: 'afterward', practise: 'practice', practised: 'practiced', practising: 'practicing', defence: 'defense',
  defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license', licences: 'licenses', pretence: 'pretense',
  catalogue: 'catalog', catalogues: 'catalogs', dialogue: 'dialog', dialogues: 'dialogs', analogue: 'analog', monologue: 'monolog',
  centre: 'center', centres: 'centers', centred: 'centered', centring: 'centering', theatre: 'theater', theatres: 'theaters', metre: 'meter',
  metres: 'meters', kilometre: 'kilometer', kilometres: 'kilometers', centimetre: 'centimeter', centimetres: 'centimeters', millimetre: 'millimeter',
  millimetres: 'millimeters', litre: 'liter', litres: 'liters', fibre: 'fiber', fibres: 'fibers', calibre: 'caliber', sombre: 'somber',
  spectre: 'specter', lustre: 'luster', meagre: 'meager', sabre: 'saber', manoeuvre: 'maneuver', manoeuvres: 'maneuvers', goitre: 'goiter',
  mitre: 'miter', saltpetre: 'saltpeter', sepulchre: 'sepulcher', paediatric: 'pediatric', paediatrician: 'pediatrician',
  encyclopaedia: 'encyclopedia', anaemia: 'anemia', anaemic: 'anemic', anaesthetic: 'anesthetic', anaesthesia: 'anesthesia',
  haemorrhage: 'hemorrhage', haemoglobin: 'hemoglobin', orthopaedic: 'orthopedic', oestrogen: 'estrogen', foetus: 'fetus', foetal: 'fetal',
  oesophagus: 'esophagus', diarrhoea: 'diarrhea', leukaemia: 'leukemia', mediaeval: 'medieval', haematology: 'hematology', caesarean: 'cesarean',
  jewellery: 'jewelry', jeweller: 'jeweler', jewellers: 'jewelers', woollen: 'woolen', enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', instil: 'instill', distil: 'distill', skilful: 'skillful', wilful: 'willful',
  appal: 'appall', enthral: 'enthrall', instalment: 'installment', marvellous: 'marvelous', counsellor: 'counselor', counsellors: 'counselors',
  traveller: 'traveler', travellers: 'travelers', modeller: 'modeler', aeroplane: 'airplane', aeroplanes: 'airplanes', axe: 'ax', mum: 'mom',
  pyjama: 'pajama', cosier: 'cozier',
}));

/** Verbs that double a final l in British English before -ed/-ing/-er (travelled, cancelling…). */
const DOUBLE_L = [
  'travel', 'cancel', 'label', 'model', 'fuel', 'signal', 'counsel', 'level', 'marvel', 'channel', 'tunnel', 'quarrel', 'rival', 'total',
  'dial', 'duel', 'jewel', 'panel', 'pencil', 'shovel', 'equal', 'initial', 'libel', 'snorkel', 'chisel', 'funnel', 'gravel', 'grovel',
  'kernel', 'pedal', 'revel', 'swivel', 'tassel', 'towel', 'unravel',
];
const DOUBLE_RE = new RegExp(`^(${DOUBLE_L.join('|')})l(ed|ing|er|ers)$`);

export function americanize(w: string): string {
  const fixed = TABLE.get(w);
  if (fixed) return fixed;
  const our = OUR_RE.exec(w);
  if (our) return `${our[1]}or${our[2] ?? ''}`;
  const dbl = DOUBLE_RE.exec(w);
  if (dbl) return dbl[1] + dbl[2];
  const lys = /^(analy|paraly|cataly|electroly|dialy|hydroly)s(e|es|ed|ing|er|ers)$/.exec(w);
  if (lys) return `${lys[1]}z${lys[2]}`;
  const ise = ISE_RE.exec(w);
  if (ise && !iseException(ise[1]!)) return `${ise[1]!.slice(0, -1)}z${ise[2]}`;
  return w;
}

function iseException(stem: string): boolean {
  if (ISE_EXACT.has(stem)) return true;
  return ISE_SUFFIX.some((s) => stem === s || stem.endsWith(s));
}
