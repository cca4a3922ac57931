package io.tributary.orders.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook signature: the {@code X-Shopify-Hmac-Sha256} header carries the base64
 * HMAC-SHA256 of the exact body bytes, keyed with the shared secret (UTF-8). It is recomputed over
 * the bytes received, before anything parses them, and compared in constant time.
 */
final class ShopifySignature {

    static final String HEADER = "X-Shopify-Hmac-Sha256";

    private ShopifySignature() {
    }

    static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    /** True when {@code header} is the signature of {@code body} under {@code secret}. */
    static boolean verifies(String secret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), claimed);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
