package io.hireflow.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.hireflow.shared.ConflictException;
import io.hireflow.shared.HireflowException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;

/** Refusals in the browser UI that a page did not handle itself: an error page that says why, in the page's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException exception) {
        return page(HttpStatus.NOT_FOUND, exception);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId() {
        return page(HttpStatus.NOT_FOUND, new NotFoundException("page"));
    }

    @ExceptionHandler({ConflictException.class, InvalidInputException.class})
    ModelAndView conflict(HireflowException exception) {
        return page(exception instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, exception);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView stale() {
        return page(HttpStatus.CONFLICT, new ConflictException("error.stale"));
    }

    private static ModelAndView page(HttpStatus status, HireflowException exception) {
        ModelAndView page = new ModelAndView("error/refused", status);
        page.addObject("status", status.value());
        page.addObject("code", exception.code());
        page.addObject("arguments", exception.arguments());
        return page;
    }
}
