// The per-epoch shuffle of the mini-batch schedule: a 4-round Feistel network
// with cycle walking, a bijection on [0, n). It must match src/model/shuffle.ts
// bit for bit, so both engines draw the same batches.

fn hash32(value: u32) -> u32 {
  var x = value;
  x ^= x >> 16u;
  x *= 0x7feb352du;
  x ^= x >> 15u;
  x *= 0x846ca68bu;
  x ^= x >> 16u;
  return x;
}

fn epoch_key(seed: u32, epoch: u32) -> u32 {
  return hash32((seed * 0x9e3779b9u) ^ hash32(epoch));
}

fn feistel(x: u32, half_bits: u32, key: u32) -> u32 {
  let mask = (1u << half_bits) - 1u;
  var left = x >> half_bits;
  var right = x & mask;
  for (var round = 0u; round < 4u; round++) {
    let mixed = hash32(right ^ (key * (round + 1u))) & mask;
    let next = left ^ mixed;
    left = right;
    right = next;
  }
  return (left << half_bits) | right;
}

fn shuffled_index(position: u32, n: u32, half_bits: u32, key: u32) -> u32 {
  var x = feistel(position, half_bits, key);
  loop {
    if (x < n) {
      break;
    }
    x = feistel(x, half_bits, key);
  }
  return x;
}
