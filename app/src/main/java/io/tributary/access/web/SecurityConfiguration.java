package io.tributary.access.web;

import io.tributary.access.Access;
import io.tributary.access.Actor;
import io.tributary.access.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stateless security: every API call carries HTTP Basic (people) or a Bearer API key. Health,
 * the OpenAPI document and Swagger UI are open; metrics need ADMIN or VIEWER; everything under
 * {@code /api/v1} needs authentication and the role named for its URL and method below, except
 * Shopify's order webhook, which proves itself with its signature instead.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] MANAGERS = {"ADMIN", "INVENTORY_MANAGER"};
    static final String[] STOCK_READERS = {"ADMIN", "INVENTORY_MANAGER", "VIEWER", "WAREHOUSE", "BUYER", "CUSTOMER_SERVICE", "FINANCE", "APPROVER"};
    static final String[] CHANNEL_ACTORS = {"ADMIN", "INVENTORY_MANAGER", "CHANNEL"};
    static final String[] CHANNEL_READERS = {"ADMIN", "INVENTORY_MANAGER", "CHANNEL", "VIEWER", "CUSTOMER_SERVICE"};
    static final String[] ORDER_TAKERS = {"ADMIN", "CHANNEL", "CUSTOMER_SERVICE"};
    /** WAREHOUSE is not among them: warehouse people see orders only as fulfilments at their own locations. */
    static final String[] ORDER_READERS = {"ADMIN", "CHANNEL", "CUSTOMER_SERVICE", "VIEWER", "INVENTORY_MANAGER"};
    static final String[] FULFILLMENT_READERS = {"ADMIN", "WAREHOUSE", "INVENTORY_MANAGER", "CUSTOMER_SERVICE", "VIEWER"};
    static final String[] FULFILLMENT_WORKERS = {"ADMIN", "WAREHOUSE", "INVENTORY_MANAGER"};
    static final String[] EXCEPTION_READERS = {"ADMIN", "VIEWER", "CUSTOMER_SERVICE", "INVENTORY_MANAGER", "WAREHOUSE", "BUYER", "APPROVER", "FINANCE"};
    static final String[] BUYERS = {"ADMIN", "BUYER"};
    static final String[] APPROVERS = {"ADMIN", "APPROVER"};
    static final String[] PROCUREMENT_READERS = {"ADMIN", "BUYER", "APPROVER", "INVENTORY_MANAGER", "FINANCE", "VIEWER"};
    /** Supplier invoices, kept for matching: the buyers who ordered and finance, who pays. */
    static final String[] INVOICE_READERS = {"ADMIN", "BUYER", "FINANCE"};
    /** Receiving at the dock; a WAREHOUSE person only at their own locations (checked by the receiving facade). */
    static final String[] RECEIVERS = {"ADMIN", "WAREHOUSE", "INVENTORY_MANAGER"};
    static final String[] RECEIVING_READERS = {"ADMIN", "WAREHOUSE", "INVENTORY_MANAGER", "BUYER", "APPROVER", "FINANCE", "VIEWER"};
    // Roles that can own a case; the exceptions facade checks the case's own role (or ADMIN).
    static final String[] EXCEPTION_WORKERS = {"ADMIN", "CUSTOMER_SERVICE", "INVENTORY_MANAGER", "WAREHOUSE", "BUYER", "APPROVER", "FINANCE"};

    /**
     * No observation per security filter: wrapping each of the dozen filters in an observation costs
     * more CPU than the rest of a reservation. Request metrics still come from the HTTP server.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Access access) throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new CredentialsFilter(access), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(res, "Credentials are required: HTTP Basic or a Bearer API key."))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "forbidden", "Forbidden", "Your role does not allow this action.")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.VIEWER.name())
                        // Shopify cannot send our credentials: its order webhook is verified by its HMAC
                        // signature against the channel's webhook secret, in the orders module (ADR 0012).
                        .requestMatchers(HttpMethod.POST, "/api/v1/channels/*/shopify/orders").permitAll()
                        // The one place that says which role may call what. URL rules run before the body is
                        // read, so a forbidden caller gets 403 whatever it sent; channel scoping (a CHANNEL key
                        // acting only for its own channel) is checked by the inventory facades.
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/api-keys", "/api/v1/api-keys/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/channels/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/items/**", "/api/v1/locations/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/inventory/verify").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/inventory/repair").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/inventory/**").hasAnyRole(MANAGERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/inventory/**").hasAnyRole(STOCK_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/reservations", "/api/v1/reservations/**").hasAnyRole(CHANNEL_ACTORS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reservations/**", "/api/v1/availability").hasAnyRole(CHANNEL_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/release-hold").hasAnyRole(Role.ADMIN.name(), Role.CUSTOMER_SERVICE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders", "/api/v1/orders/*/cancel").hasAnyRole(ORDER_TAKERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/orders", "/api/v1/orders/**").hasAnyRole(ORDER_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/channels/*/sourcing-rules").hasAnyRole(Role.ADMIN.name(), Role.VIEWER.name(),
                                Role.CUSTOMER_SERVICE.name(), Role.INVENTORY_MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/fulfillments", "/api/v1/fulfillments/**").hasAnyRole(FULFILLMENT_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/fulfillments/release-due").hasAnyRole(Role.ADMIN.name(), Role.INVENTORY_MANAGER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/fulfillments/*/*").hasAnyRole(FULFILLMENT_WORKERS)
                        .requestMatchers("/api/v1/fulfillments", "/api/v1/fulfillments/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/exceptions", "/api/v1/exceptions/**").hasAnyRole(EXCEPTION_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/exceptions/**").hasAnyRole(EXCEPTION_WORKERS)
                        .requestMatchers("/api/v1/exceptions", "/api/v1/exceptions/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/suppliers", "/api/v1/suppliers/**").hasAnyRole(PROCUREMENT_READERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/suppliers/**").hasAnyRole(BUYERS)
                        .requestMatchers("/api/v1/suppliers", "/api/v1/suppliers/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/purchase-orders/*/edi/850").hasAnyRole(BUYERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/edi/inbound").hasAnyRole(BUYERS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/invoices", "/api/v1/invoices/**").hasAnyRole(INVOICE_READERS)
                        .requestMatchers("/api/v1/invoices", "/api/v1/invoices/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/purchase-orders", "/api/v1/purchase-orders/**").hasAnyRole(PROCUREMENT_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/purchase-orders/*/approve", "/api/v1/purchase-orders/*/reject").hasAnyRole(APPROVERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/purchase-orders", "/api/v1/purchase-orders/consolidations", "/api/v1/purchase-orders/*/*").hasAnyRole(BUYERS)
                        .requestMatchers("/api/v1/purchase-orders", "/api/v1/purchase-orders/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/transfers/**").hasAnyRole(RECEIVING_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/transfers", "/api/v1/transfers/*/*").hasAnyRole(RECEIVERS)
                        .requestMatchers("/api/v1/transfers", "/api/v1/transfers/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/asns", "/api/v1/asns/**").hasAnyRole(RECEIVING_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/asns").hasAnyRole(BUYERS)
                        .requestMatchers("/api/v1/asns", "/api/v1/asns/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/receipts", "/api/v1/receipts/**", "/api/v1/inspections/**").hasAnyRole(RECEIVING_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/receipts", "/api/v1/inspections/*/release").hasAnyRole(RECEIVERS)
                        .requestMatchers("/api/v1/receipts", "/api/v1/receipts/**", "/api/v1/inspections/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/claims", "/api/v1/claims/**").hasAnyRole("ADMIN", "BUYER", "FINANCE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/replenishment/**").hasAnyRole(PROCUREMENT_READERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/replenishment/policies/**").hasAnyRole(BUYERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/replenishment/runs", "/api/v1/replenishment/proposals/**").hasAnyRole(BUYERS)
                        .requestMatchers("/api/v1/replenishment/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    static void unauthorized(HttpServletResponse res, String detail) throws IOException {
        res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tributary\", Bearer");
        problem(res, 401, "unauthorized", "Unauthorized", detail);
    }

    static void problem(HttpServletResponse res, int status, String slug, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"" + io.tributary.shared.web.Problems.TYPE_BASE + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

    /** Reads Basic or Bearer credentials; wrong credentials are a 401 at once, none at all defer to the rules. */
    static final class CredentialsFilter extends OncePerRequestFilter {
        private final Access access;

        CredentialsFilter(Access access) {
            this.access = access;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String header = req.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || header.isBlank()) {
                chain.doFilter(req, res);
                return;
            }
            Optional<Actor> actor;
            try {
                actor = authenticate(header.trim());
            } catch (DataAccessException e) {
                problem(res, 503, "service-unavailable", "Service unavailable", "The database is not reachable right now; retry shortly.");
                return;
            }
            if (actor.isEmpty()) {
                unauthorized(res, "The credentials are not valid.");
                return;
            }
            List<SimpleGrantedAuthority> authorities = actor.get().roles().stream()
                    .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            var auth = UsernamePasswordAuthenticationToken.authenticated(actor.get(), null, authorities);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(req, res);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private Optional<Actor> authenticate(String header) {
            int space = header.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            String scheme = header.substring(0, space);
            String value = header.substring(space + 1).trim();
            if (scheme.equalsIgnoreCase("Bearer")) {
                return value.isEmpty() ? Optional.empty() : access.authenticateToken(value);
            }
            if (scheme.equalsIgnoreCase("Basic")) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    return Optional.empty();
                }
                return access.authenticatePassword(decoded.substring(0, colon), decoded.substring(colon + 1));
            }
            return Optional.empty();
        }
    }
}
