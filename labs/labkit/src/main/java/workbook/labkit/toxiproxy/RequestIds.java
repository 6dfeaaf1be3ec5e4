package workbook.labkit.toxiproxy;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code X-Toxiproxy-Request-Id} Toxiproxy puts on every answer of a known route: a globally
 * unique id in the "xid" format it uses (12 bytes: seconds since 1970, a machine number, the process
 * number and a counter, written as 20 characters of lower-case base32hex, such as
 * {@code d4m6k3c2g0f8r1ab2c3d}). Sorted by time, and cheap to make.
 */
final class RequestIds {
    private static final char[] BASE32_HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private final byte[] machine = new byte[3];
    private final int process = (int) ProcessHandle.current().pid();
    private final AtomicInteger counter;

    RequestIds() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(machine);
        counter = new AtomicInteger(random.nextInt());
    }

    String next() {
        long seconds = System.currentTimeMillis() / 1000;
        int count = counter.getAndIncrement();
        byte[] id = {
            (byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds,
            machine[0], machine[1], machine[2],
            (byte) (process >>> 8), (byte) process,
            (byte) (count >>> 16), (byte) (count >>> 8), (byte) count,
        };
        return base32Hex(id);
    }

    /** 96 bits, five at a time; the last character carries the final single bit followed by zeros. */
    private static String base32Hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(20);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32_HEX[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32_HEX[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }
}
