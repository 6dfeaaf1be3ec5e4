package workbook.observability;

import java.util.HexFormat;
import java.util.Random;

/** Makes new trace and span ids. Seeded in tests so that ids, and so the tests, repeat. */
public interface IdSource {
    /** 32 lowercase hex digits, not all zero. */
    String newTraceId();

    /** 16 lowercase hex digits, not all zero. */
    String newSpanId();

    /** Random ids from a seeded generator (a real system uses a secure or a fast thread-local random). */
    static IdSource seeded(long seed) {
        Random random = new Random(seed);
        return new IdSource() {
            @Override
            public synchronized String newTraceId() {
                return hex(16);
            }

            @Override
            public synchronized String newSpanId() {
                return hex(8);
            }

            private String hex(int bytes) {
                byte[] id = new byte[bytes];
                do {
                    random.nextBytes(id);
                } while (allZero(id));
                return HexFormat.of().formatHex(id);
            }
        };
    }

    private static boolean allZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
