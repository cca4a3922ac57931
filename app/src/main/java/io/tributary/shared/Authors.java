package io.tributary.shared;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The name recorded as the author of a change: the authenticated principal's name
 * ({@code user:alice}, {@code key:storefront}), or {@code system} outside a request. Modules that
 * cannot see the access module's {@code Actor} use this.
 */
public final class Authors {

    private Authors() {
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getPrincipal() == null) {
            return "system";
        }
        return auth.getPrincipal() instanceof Principal p ? p.getName() : auth.getName();
    }
}
