package workbook.checker.run;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ResultChannelTest {
    private final ResultChannel channel = new ResultChannel();

    /** A record as the runner writes it, signed with {@code key}. */
    private static String record(byte[] key, long sequence, String kind, String id, String status) throws Exception {
        Base64.Encoder base64 = Base64.getEncoder();
        String fields = String.join("\t", Long.toString(sequence), kind, base64.encodeToString(id.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("a test".getBytes(StandardCharsets.UTF_8)), status, "12", "", "");
        byte[] payload = fields.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return "#workbook-result " + base64.encodeToString(payload) + " " + HexFormat.of().formatHex(mac.doFinal(payload));
    }

    private byte[] secret() {
        return key(channel);
    }

    private static byte[] key(ResultChannel channel) {
        String handshake = new String(channel.handshake(), StandardCharsets.US_ASCII);
        return HexFormat.of().parseHex(handshake.substring(0, handshake.indexOf('\n')));
    }

    @Test
    void signedRecordsInOrderAreTakenAndTheEndIsSeen() throws Exception {
        assertThat(channel.offer(record(secret(), 0, "finished", "[test:a]", "PASSED"))).isTrue();
        assertThat(channel.offer("plain output")).isFalse();
        assertThat(channel.offer("junk before it" + record(secret(), 1, "end", "", ""))).isTrue();

        assertThat(channel.records()).extracting(ResultChannel.Record::id).containsExactly("[test:a]", "");
        assertThat(channel.records().get(0).status()).isEqualTo("PASSED");
        assertThat(channel.ended()).isTrue();
        assertThat(channel.forged()).isZero();
        assertThat(channel.tampered()).isFalse();
    }

    @Test
    void aRecordSignedWithAnotherKeyIsAForgery() throws Exception {
        byte[] guess = new byte[32];

        assertThat(channel.offer(record(guess, 0, "finished", "[test:a]", "PASSED"))).isFalse();
        assertThat(channel.offer(record(guess, 1, "end", "", ""))).isFalse();

        assertThat(channel.records()).isEmpty();
        assertThat(channel.ended()).isFalse();
        assertThat(channel.forged()).isEqualTo(2);
    }

    @Test
    void aChangedStatusBreaksTheSignature() throws Exception {
        String genuine = record(secret(), 0, "finished", "[test:a]", "FAILED");
        String[] parts = genuine.split(" ");
        String payload = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("FAILED", "PASSED");
        String edited = parts[0] + " " + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + " " + parts[2];

        assertThat(channel.offer(edited)).isFalse();
        assertThat(channel.forged()).isEqualTo(1);
    }

    @Test
    void aMissingOrReplayedRecordMarksTheRunAsTamperedWith() throws Exception {
        String first = record(secret(), 0, "started", "[test:a]", "");
        channel.offer(first);
        channel.offer(record(secret(), 2, "finished", "[test:a]", "PASSED"));

        assertThat(channel.tampered()).isTrue();
        ResultChannel replayed = new ResultChannel();
        byte[] key = key(replayed);
        String once = record(key, 0, "finished", "[test:a]", "PASSED");
        replayed.offer(once);
        replayed.offer(once);
        assertThat(replayed.tampered()).isTrue();
        assertThat(replayed.records()).hasSize(1);
    }
}
