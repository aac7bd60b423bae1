// Images are kept in kernel memory once per data set, as lists of their nonzero pixels (about a
// fifth of MNIST's pixels): one packed i32 per pixel, index | byte << 16. This is smaller than the
// images themselves and lets the first layer skip zero pixels without scanning for them.

/** Bits of a packed entry holding the pixel index; the byte value sits above them. */
export const KEY_BITS = 16;
export const KEY_MASK = (1 << KEY_BITS) - 1;

/**
 * Packs the nonzero pixels of `count` byte images (row-major, inputSize bytes each) from address
 * `entries` on; starts[i] receives the address of image i's first entry and starts[count] the end.
 */
export function packImages(pixels: usize, count: i32, inputSize: i32, entries: usize, starts: usize): usize {
  let out = entries;
  const whole = inputSize & ~15;
  const zero = i8x16.splat(0);
  for (let i = 0; i < count; i++) {
    store<i32>(starts + (<usize>i << 2), <i32>out);
    const row = pixels + <usize>(i * inputSize);
    for (let k = 0; k < whole; k += 16) {
      let bits = i8x16.bitmask(i8x16.ne(v128.load(row + <usize>k), zero));
      while (bits != 0) {
        const index = k + ctz(bits);
        bits &= bits - 1;
        store<i32>(out, index | (<i32>load<u8>(row + <usize>index) << KEY_BITS));
        out += 4;
      }
    }
    for (let index = whole; index < inputSize; index++) {
      const byte = <i32>load<u8>(row + <usize>index);
      if (byte == 0) continue;
      store<i32>(out, index | (byte << KEY_BITS));
      out += 4;
    }
  }
  store<i32>(starts + (<usize>count << 2), <i32>out);
  return out;
}
