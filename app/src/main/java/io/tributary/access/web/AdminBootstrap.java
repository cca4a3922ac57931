package io.tributary.access.web;

import io.tributary.access.Access;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the built-in {@code admin} user on first start. Its password comes from
 * {@code TRIBUTARY_ADMIN_PASSWORD}; when that is unset, one is generated and printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Access access;
    private final String configured;

    AdminBootstrap(Access access, @Value("${tributary.admin-password:}") String configured) {
        this.access = access;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (access.ensureAdmin(password) && generated) {
            log.warn("""

                    ==========================================================
                     Created user 'admin' with generated password: {}
                     It is shown only this once. Set TRIBUTARY_ADMIN_PASSWORD
                     before the first start to choose it yourself.
                    ==========================================================""", password);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
