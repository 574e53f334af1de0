package io.hireflow.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides in the filter chain, before any request body is read, whether the caller may reach the handler a request
 * maps to, by the roles its {@code @PreAuthorize} names. A handler that names none is refused: a new route is closed
 * until it says who may use it. Requests that map to no handler need a signed-in user (and then get 404).
 */
class HandlerRoles implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final AuthenticatedAuthorizationManager<RequestAuthorizationContext> signedIn =
            AuthenticatedAuthorizationManager.authenticated();
    private final Map<String, WebExpressionAuthorizationManager> rules = new ConcurrentHashMap<>();

    HandlerRoles(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Object handler = handler(context.getRequest());
        if (!(handler instanceof HandlerMethod method)) {
            return signedIn.authorize(authentication, context);
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return DENY;
        }
        return rules.computeIfAbsent(rule.value(), WebExpressionAuthorizationManager::new)
                .authorize(authentication, context);
    }

    private Object handler(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mappings.getObject().getHandler(request);
            return chain == null ? null : chain.getHandler();
        } catch (Exception e) {
            return null;
        } finally {
            if (previous instanceof RequestPath path) {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, path);
            } else {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
