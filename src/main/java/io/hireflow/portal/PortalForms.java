package io.hireflow.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.shared.InvalidInputException;

/** What the portal's forms with files share: reading the files, and saying which part of the form was refused. */
final class PortalForms {

    private PortalForms() {
    }

    /** The files as the service takes them: each by the name it came with and its bytes. */
    static <T> List<T> uploads(List<MultipartFile> files, BiFunction<String, byte[], T> upload) throws IOException {
        List<T> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            uploads.add(upload.apply(file.getOriginalFilename(), file.getBytes()));
        }
        return uploads;
    }

    /**
     * The name of the file a service calls {@code files[index]}: it counts the files sent (a file field left empty
     * sends a nameless, empty part, which is not one); empty when there is none.
     */
    static String fileName(List<MultipartFile> files, int index) {
        List<MultipartFile> named = files.stream().filter(file -> !file.isEmpty()
                || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()).toList();
        String name = index < named.size() ? named.get(index).getOriginalFilename() : null;
        return name == null ? "" : name;
    }

    /**
     * For the page after a redirect: the form was refused ({@code refused}, a message with one argument), with each
     * problem as {@code problem} says it (its field in the candidate's words by {@code label}, then the problem).
     */
    static void refuse(RedirectAttributes redirect, MessageSource messages, String refused, String problem,
            InvalidInputException invalid, Function<String, String> label, Locale locale) {
        redirect.addFlashAttribute("problem", refused);
        redirect.addFlashAttribute("problemArgs", new Object[] {String.join(" ", invalid.problems().stream()
                .map(each -> messages.getMessage(problem, new Object[] {label.apply(each.field()),
                        messages.getMessage(each.code(), each.arguments(), each.code(), locale)}, locale))
                .toList())});
    }
}
