package io.tributary.shared.web;

import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every exception, once, to an RFC 9457 problem. Bad input is always a 4xx naming the field;
 * a database that cannot be reached is a 503 the client may retry; nothing leaks a stack trace.
 */
@RestControllerAdvice
@Order(0)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        ProblemDetail pd = Problems.problem(e.status(), e.slug(), Problems.titleFor(e.slug()), e.getMessage());
        Problems.withErrors(pd, e.errors());
        e.properties().forEach(pd::setProperty);
        return respond(pd);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> errors.add(new FieldError(fe.getField(), fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return validation(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return validation(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLarge tooLarge) {
                return respond(Problems.withErrors(Problems.problem(413, "payload-too-large", "Payload too large",
                        tooLarge.getMessage()), List.of(new FieldError("body", "is too large"))));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException je) {
            String field = path(je);
            String message;
            if (je instanceof InvalidFormatException ife) {
                message = ife.getTargetType() != null && ife.getTargetType().isEnum()
                        ? "must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants())
                        : "has the wrong type or format (expected " + simpleType(ife.getTargetType()) + ")";
            } else if (je instanceof InputCoercionException) {
                message = "is out of range";
            } else if (je instanceof MismatchedInputException mie) {
                message = "has the wrong type (expected " + simpleType(mie.getTargetType()) + ")";
            } else if (je instanceof StreamReadException) {
                message = "is not valid JSON: " + je.getOriginalMessage();
                if (field.isEmpty()) {
                    field = "body";
                }
            } else {
                message = "cannot be read: " + je.getOriginalMessage();
            }
            if (field.isEmpty()) {
                field = "body";
            }
            return validation(List.of(new FieldError(field, message)));
        }
        return validation(List.of(new FieldError("body", "is missing or not readable")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return validation(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return validation(List.of(new FieldError(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return validation(List.of(new FieldError(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : simpleType(e.getRequiredType());
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            expected = "one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants());
        }
        return validation(List.of(new FieldError(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.problem(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + e.getContentType() + " is not supported here; use " + e.getSupportedMediaTypes() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.problem(406, "not-acceptable", "Not acceptable", "This resource is available as JSON."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.problem(405, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not supported here."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.problem(404, "not-found", "Not found", "No resource at /" + e.getResourcePath() + "."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(Problems.problem(413, "payload-too-large", "Payload too large", "The upload exceeds the size limit."));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return respond(Problems.problem(403, "forbidden", "Forbidden", "Your role does not allow this action."));
    }

    /** Two requests changed the same thing at once and this one lost (a deadlock, a stale version): retrying is safe. */
    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e, HttpServletRequest request) {
        log.info("Concurrent change while serving {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemDetail pd = Problems.problem(409, "concurrent-change", "Concurrent change",
                "Another request changed the same data at the same moment; nothing was changed by this one. Retry it.");
        return ResponseEntity.status(409).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransientDataAccessException.class, QueryTimeoutException.class,
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ProblemDetail pd = Problems.problem(503, "service-unavailable", "Service unavailable",
                "The database is not reachable right now; retry shortly.");
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (connectionLost(t)) {
                return unavailable(e, request);
            }
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.problem(500, "internal-error", "Internal error",
                "The request could not be completed; nothing was changed if no response was acknowledged."));
    }

    /** A lost or refused database connection: SQL state class 08, an admin shutdown (57P), or a refused socket. */
    private static boolean connectionLost(Throwable t) {
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        ProblemDetail pd = Problems.problem(400, "validation-failed", "Validation failed",
                errors.isEmpty() ? "The request is invalid." : errors.get(0).field() + ": " + errors.get(0).message());
        return respond(Problems.withErrors(pd, errors));
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration";
        }
        return "an object";
    }
}
