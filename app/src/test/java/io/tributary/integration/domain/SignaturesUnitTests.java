package io.tributary.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesUnitTests {

    @Test
    void signsWithLowerCaseHexHmacSha256OfTheBody() {
        // RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        assertThat(Signatures.sign("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anyChangeOfBodyOrSecretChangesTheSignature() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign("secret", body);
        assertThat(Signatures.sign("secret", "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signature);
        assertThat(Signatures.sign("Secret", body)).isNotEqualTo(signature);
        assertThat(Signatures.sign("secret", body)).isEqualTo(signature);
    }
}
