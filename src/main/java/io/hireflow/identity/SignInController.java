package io.hireflow.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    /** The sign-in page; the form posts to Spring Security's {@code POST /login}. Public. */
    @GetMapping("/login")
    String signIn() {
        return "identity/login";
    }
}
