package workbook.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One operation of a workload: a user's write of a display name, or a read of it. */
public record Op(boolean write, String user, String displayName) {

    /**
     * A seeded mix of {@code count} operations over {@code users} users ("user-0", "user-1", ...), of which
     * {@code writesPerHundred} in a hundred (on average) are writes.
     */
    public static List<Op> mix(int count, int writesPerHundred, int users, long seed) {
        Random random = new Random(seed);
        List<Op> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = "user-" + random.nextInt(users);
            boolean write = random.nextInt(100) < writesPerHundred;
            ops.add(new Op(write, user, write ? "name-" + i : null));
        }
        return ops;
    }
}
