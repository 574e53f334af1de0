package io.hireflow.identity;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;

/** Puts the signed-in user ({@code me}) into every page's model, for the navigation and role-dependent controls. */
class CurrentUserModel implements HandlerInterceptor {

    /** What pages need to know about the signed-in user. */
    record Me(String name, boolean admin, boolean operator, boolean recruiting, boolean deciding, ZoneId zone) {

        static Me of(Actor actor) {
            return new Me(actor.name(), actor.has(Role.ADMIN), actor.has(Role.OPERATOR),
                    actor.hasAny(Role.ADMIN, Role.RECRUITER), actor.hasAny(Role.ADMIN, Role.RECRUITER,
                    Role.HIRING_MANAGER), actor.timeZone());
        }
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || page.getViewName() != null && page.getViewName().startsWith("redirect:")) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            page.addObject("me", Me.of(principal.actor()));
        }
    }
}
