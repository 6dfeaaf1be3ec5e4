package workbook.checker.run;

import workbook.checker.runner.ReportingRunner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The checker's end of one test JVM's results: a fresh secret for the run (handed to the
 * {@link ReportingRunner} on its standard input) and the records read back from its standard
 * output. A line counts only when its HMAC under the secret checks out and its sequence number is
 * the next one; anything else is output (or, when it looks like a record, a forgery, counted).
 */
public final class ResultChannel {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One verified record of the runner. */
    public record Record(long sequence, String kind, String id, String display, String status, long millis, String message,
                         String output) {
    }

    private final byte[] secret = new byte[32];
    private final Mac mac;
    private final List<Record> records = new ArrayList<>();
    private int forged;
    private long gapAt = -1;
    private boolean ended;

    private final byte[] testClasses;

    /** A channel that hands the runner no tests (for the checker's own tests of the channel). */
    public ResultChannel() {
        this(new byte[0]);
    }

    /** @param testClasses a zip of the compiled tests, which the runner defines in memory */
    public ResultChannel(byte[] testClasses) {
        this.testClasses = testClasses.clone();
        RANDOM.nextBytes(secret);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** What the test JVM reads on its standard input before anything else: the secret's line, then the tests' zip with its length. */
    public byte[] handshake() {
        byte[] line = (HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(line.length + 4 + testClasses.length);
        return all.put(line).putInt(testClasses.length).put(testClasses).array();
    }

    /** Takes one line of the JVM's standard output; true when it was a genuine record (not output). */
    public synchronized boolean offer(String line) {
        int at = line.indexOf(ReportingRunner.MARK);
        if (at < 0) {
            return false;
        }
        String[] parts = line.substring(at + ReportingRunner.MARK.length()).strip().split(" ");
        Record record = parts.length == 2 ? verify(parts[0], parts[1]) : null;
        if (record == null) {
            forged++;
            return false;
        }
        if (ended || record.sequence() != records.size()) {
            // Only someone taking records off the pipe makes a gap; the run cannot be trusted then.
            if (gapAt < 0) {
                gapAt = records.size();
            }
            return true;
        }
        records.add(record);
        ended = record.kind().equals("end");
        return true;
    }

    private Record verify(String payloadBase64, String signatureHex) {
        try {
            byte[] payload = Base64.getDecoder().decode(payloadBase64);
            byte[] expected = mac.doFinal(payload);
            if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(signatureHex))) {
                return null;
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\t", -1);
            return new Record(Long.parseLong(fields[0]), fields[1], text(fields[2]), text(fields[3]), fields[4],
                    Long.parseLong(fields[5]), text(fields[6]), text(fields[7]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static String text(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    public synchronized List<Record> records() {
        return List.copyOf(records);
    }

    /** Whether the closing record arrived: the runner finished every test it was given. */
    public synchronized boolean ended() {
        return ended;
    }

    /** Lines that looked like records but were not signed with this run's secret. */
    public synchronized int forged() {
        return forged;
    }

    /** Whether records went missing or came out of order (someone read from the pipe or replayed one). */
    public synchronized boolean tampered() {
        return gapAt >= 0;
    }
}
