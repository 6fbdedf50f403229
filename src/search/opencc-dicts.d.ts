// opencc-js ships its dictionaries as plain ES modules without type declarations.
// Each is one string: entries separated by '|', each entry "<from> <to> [<alternative>...]".
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariants' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
