package workbook.checker.run;

import java.nio.charset.StandardCharsets;

/**
 * Output kept from a process that may print without end: the first {@code headLimit} bytes and the
 * last {@code tailLimit}, with a note of how much was cut between them. Everything else is read and
 * dropped, so the process never blocks on a full pipe.
 */
final class CappedText {
    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    CappedText(int headLimit, int tailLimit) {
        this.head = new byte[headLimit];
        this.tail = new byte[tailLimit];
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        for (int i = offset + toHead; i < offset + length && tail.length > 0; i++) {
            tail[(int) (tailWritten++ % tail.length)] = bytes[i];
        }
    }

    synchronized long total() {
        return total;
    }

    @Override
    public synchronized String toString() {
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (tailWritten == 0) {
            return start;
        }
        int kept = (int) Math.min(tailWritten, tail.length);
        byte[] end = new byte[kept];
        for (int i = 0; i < kept; i++) {
            end[i] = tail[(int) ((tailWritten - kept + i) % tail.length)];
        }
        long cut = total - headLength - kept;
        String middle = cut > 0 ? "\n[... " + cut + " bytes of output cut ...]\n" : "";
        return start + middle + new String(end, StandardCharsets.UTF_8);
    }
}
