// Bound once because they run per frame: inside Jest's vm sandbox every global lookup (`Math`, `Number`)
// costs ~100 ns, which would turn the every-frame tests from seconds into minutes.
export const { floor, max } = Math;
export const { isSafeInteger, isFinite: isFiniteNumber } = Number;
