package workbook.loadbalancing;

import java.nio.charset.StandardCharsets;

/**
 * A well-mixed 64-bit hash of a string, for IP hash and consistent hashing. Given: choosing a hash
 * function is not the lesson, but {@link String#hashCode()} is a poor one for this job (similar keys
 * such as "10.0.0.1" and "10.0.0.2" get neighbouring hash codes).
 * <p>
 * It is FNV-1a over the UTF-8 bytes, followed by a bit-mixing step (the finaliser of MurmurHash3)
 * so that every input bit affects every output bit.
 */
public final class Hashing {
    private Hashing() {
    }

    public static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
