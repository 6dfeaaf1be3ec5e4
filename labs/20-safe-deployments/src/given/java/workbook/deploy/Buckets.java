package workbook.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A stable hash of a user into one of 10,000 buckets (0..9999): the same salt and user give the same
 * bucket in every process, on every machine, after every restart (unlike {@code Object.hashCode} of
 * most types, or a random draw). Bucket &lt; percent x 100 means "in the first percent of users".
 */
public final class Buckets {
    public static final int COUNT = 10_000;

    private Buckets() {
    }

    public static int of(String salt, String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + user).getBytes(StandardCharsets.UTF_8));
            long first8 = 0;
            for (int i = 0; i < 8; i++) {
                first8 = (first8 << 8) | (digest[i] & 0xff);
            }
            return (int) Math.floorMod(first8, (long) COUNT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True when the user's bucket for this salt falls in the first {@code percent} of buckets. */
    public static boolean inFirst(double percent, String salt, String user) {
        return of(salt, user) < percent * (COUNT / 100);
    }
}
