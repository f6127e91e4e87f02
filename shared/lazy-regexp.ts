// A regular expression built the first time it is used. V8 checks every regex literal when it
// compiles the script that holds it, even inside a function that never runs, and a Unicode
// property class (\p{L}) with a counted repeat costs real time to check: 0.1 to 0.6 ms each,
// measured compiling the prompts script, which every web page loads. Written as a string and
// built on first use, it costs nothing on the pages that never need it.
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let built: RegExp | undefined;
  return () => (built ??= new RegExp(source, flags));
}
