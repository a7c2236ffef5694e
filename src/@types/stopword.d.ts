declare module 'stopword' {
  export const eng: string[];
  export const fra: string[], spa: string[], deu: string[], ita: string[], por: string[], nld: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
