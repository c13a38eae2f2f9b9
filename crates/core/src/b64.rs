//! base64url without padding (RFC 4648 §5), as JOSE uses it.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Sextet of each byte of the alphabet; 0xFF for bytes outside it.
const VALUES: [u8; 256] = {
    let mut t = [0xFFu8; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Strict decoding: only the URL-safe alphabet, no padding, no stray bits.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    if b.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() * 3 / 4);
    let mut chunks = b.chunks_exact(4);
    for c in &mut chunks {
        let (v0, v1, v2, v3) = (
            VALUES[c[0] as usize],
            VALUES[c[1] as usize],
            VALUES[c[2] as usize],
            VALUES[c[3] as usize],
        );
        if (v0 | v1 | v2 | v3) & 0xC0 != 0 {
            return None;
        }
        let n =
            (u32::from(v0) << 18) | (u32::from(v1) << 12) | (u32::from(v2) << 6) | u32::from(v3);
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut n = 0u32;
        for (i, &c) in tail.iter().enumerate() {
            let v = VALUES[c as usize];
            if v & 0xC0 != 0 {
                return None;
            }
            n |= u32::from(v) << (18 - 6 * i);
        }
        let bytes = tail.len() - 1;
        // Bits below the last full byte must be zero (canonical encoding).
        let used_bits = 6 * tail.len();
        let spare = used_bits - 8 * bytes;
        if (n >> (24 - used_bits)) & ((1 << spare) - 1) != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_without_padding() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode(enc).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8").unwrap(), vec![0xfb, 0xff]);
        assert!(decode("Zg==").is_none());
        assert!(decode("Zh").is_none(), "non-zero spare bits");
        assert!(decode("Z").is_none());
        assert!(decode("Zm9v+").is_none());
    }
}
