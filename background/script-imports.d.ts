// crxjs builds a file imported with `?script` as a content script and gives its output path.
declare module '*?script' {
  const path: string;
  export default path;
}
