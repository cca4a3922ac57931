package io.tributary.shared.web;

import io.tributary.shared.DomainException.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents every error response uses. */
public final class Problems {

    public static final String TYPE_BASE = "https://tributary.io/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(int status, String slug, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        pd.setType(URI.create(TYPE_BASE + slug));
        pd.setTitle(title);
        return pd;
    }

    public static ProblemDetail withErrors(ProblemDetail pd, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        return pd;
    }

    public static String titleFor(String slug) {
        String spaced = slug.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
