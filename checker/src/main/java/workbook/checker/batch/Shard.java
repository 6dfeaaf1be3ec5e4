package workbook.checker.batch;

import workbook.checker.UserError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The K-th of N disjoint slices of a class, by a hash of the student's name: the same student falls
 * in the same slice on every machine and in every run, whoever else is in the class.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    /** Reads "K/N", such as "2/4". */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                Shard shard = new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                if (shard.count >= 1 && shard.index >= 1 && shard.index <= shard.count) {
                    return shard;
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserError("--shard takes K/N with 1 <= K <= N, such as 2/4 (the second of four slices), not '" + text + "'.");
    }

    public boolean includes(String student) {
        return count == 1 || slice(student, count) == index;
    }

    /** The slice (1..count) a student falls in. */
    static int slice(String student, int count) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(student.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
            return (int) (value % count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
