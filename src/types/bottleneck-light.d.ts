// bottleneck's light build (no clustering) has the same API as its full build, which carries the types.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
