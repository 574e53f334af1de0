package io.hireflow.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.hireflow.shared.ConflictException;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of an API call into an RFC 9457 problem document in the caller's language: 400 names each bad
 * field in {@code errors}, 404 is the same for a missing record and another organization's, 409 says why a change
 * was refused. Nothing internal (stack traces, SQL) ever leaves.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, text(exception, locale), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception, Locale locale) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, text(exception, locale), null);
        response.getBody().setProperty("code", exception.code());
        return response;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException exception, Locale locale) {
        List<Map<String, String>> errors = exception.problems().stream()
                .map(problem -> Map.of("field", problem.field(),
                        "message", messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale)))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, detail(errors, locale), errors);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(Locale locale) {
        return problem(HttpStatus.CONFLICT, messages.getMessage("error.stale", null, locale), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException exception, Locale locale) {
        log.info("Refused a change that breaks a database constraint: {}", exception.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, messages.getMessage("error.integrity", null, locale), null);
    }

    /** The database is out of reach: say so at once; the caller may retry. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, TransientDataAccessResourceException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception exception, Locale locale) {
        log.warn("Database unavailable: {}", exception.getMessage());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("error.unavailable", null, locale), null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(Locale locale) {
        return problem(HttpStatus.FORBIDDEN, messages.getMessage("error.forbidden", null, locale), null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(Locale locale) {
        return problem(HttpStatus.UNAUTHORIZED, messages.getMessage("error.unauthorized", null, locale), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception, Locale locale) {
        var errors = List.of(Map.of("field", exception.getName(),
                "message", messages.getMessage("validation.format", null, locale)));
        return problem(HttpStatus.BAD_REQUEST, detail(errors, locale), errors);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, Locale locale) {
        log.error("Unexpected failure of an API call", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("error.unexpected", null, locale), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = request.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", messages.getMessage(error, locale)));
        }
        exception.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("field", error.getObjectName(), "message", messages.getMessage(error, locale))));
        return cast(problem(HttpStatus.BAD_REQUEST, detail(errors, locale), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = request.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", result.getMethodParameter().getParameterName(),
                        "message", messages.getMessage(error, locale)))));
        return cast(problem(HttpStatus.BAD_REQUEST, detail(errors, locale), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = request.getLocale();
        String field = exception.getMostSpecificCause() instanceof MismatchedInputException mismatch
                ? mismatch.getPath().stream().map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
                : "body";
        var errors = List.of(Map.of("field", field, "message", messages.getMessage(
                "body".equals(field) ? "validation.body" : "validation.format", null, locale)));
        return cast(problem(HttpStatus.BAD_REQUEST, detail(errors, locale), errors));
    }

    private String detail(List<Map<String, String>> errors, Locale locale) {
        StringBuilder detail = new StringBuilder(messages.getMessage("error.invalidInput", null, locale));
        for (Map<String, String> error : errors) {
            detail.append(' ').append(error.get("field")).append(": ").append(error.get("message")).append('.');
        }
        return detail.toString();
    }

    private String text(HireflowException exception, Locale locale) {
        return messages.getMessage(exception.code(), exception.arguments(), exception.code(), locale);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            problem.setInstance(URI.create(attributes.getRequest().getRequestURI()));
        }
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
