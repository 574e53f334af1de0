package io.hireflow.interviews;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The technologies a résumé mentions, found by one pass over its text: English words are cut at anything that is not a
 * letter, digit, {@code +} or {@code #} (so Korean around them, as in "Kubernetes를", is no part of the word) and looked
 * up case-insensitively, with aliases of up to three words ("GitHub Actions", "CI/CD"); a run of Hangul matches the
 * longest Korean name it starts with ("쿠버네티스를" is Kubernetes). The pass is linear in the text and needs no regular
 * expression, so a twenty-page résumé costs well under a millisecond.
 */
final class Technologies {

    /** A technology: its name as shown, and the bank tags and topics (lower case) that ask about it. */
    record Technology(String name, Set<String> bankKeys) {
    }

    /** Where the text mentions a technology: {@code [start, end)}. */
    record Mention(int start, int end, Technology technology) {
    }

    /** A piece of the text, with the technology it names, or null for plain text. */
    record Segment(String text, String technology) {
    }

    private record Alias(String[] words, Technology technology) {
    }

    private static final Map<String, List<Alias>> ENGLISH = new HashMap<>();
    private static final List<Map.Entry<String, Technology>> KOREAN = new ArrayList<>();
    private static final Map<String, Technology> BY_NAME = new HashMap<>();

    static {
        add("Kubernetes", "kubernetes|k8s|kubectl|kube-apiserver", "kubernetes,k8s,kubectl", "쿠버네티스");
        add("AWS", "aws,vpc,iam,ec2,s3,eks", "aws,amazon web services,ec2,s3,eks,amazon eks", "");
        add("Kafka", "kafka,consumer-group,consumer-lag", "kafka,apache kafka", "카프카");
        add("Terraform", "terraform", "terraform", "테라폼");
        add("Prometheus", "prometheus,promql", "prometheus,promql", "프로메테우스");
        add("Grafana", "grafana,observability", "grafana", "그라파나");
        add("Linux", "linux,systemd,ulimit", "linux,ubuntu,centos,rhel,debian,systemd", "리눅스");
        add("PostgreSQL", "postgresql,databases,sql", "postgresql,postgres", "포스트그레스");
        add("MySQL", "mysql,databases", "mysql,mariadb", "");
        add("Docker", "docker,containers", "docker,dockerfile", "도커");
        add("Helm", "helm,kubernetes", "helm", "");
        add("Jenkins", "jenkins,ci-cd", "jenkins", "젠킨스");
        add("GitHub Actions", "github-actions,ci-cd", "github actions", "");
        add("Argo CD", "argocd,gitops,ci-cd", "argocd,argo cd", "");
        add("CI/CD", "ci-cd,pipeline", "ci cd,cicd", "");
        add("Redis", "redis", "redis", "레디스");
        add("Elasticsearch", "elasticsearch", "elasticsearch,elk", "엘라스틱서치");
        add("Nginx", "nginx,load-balancing", "nginx", "");
        add("Ansible", "ansible", "ansible", "앤서블");
        add("Google Cloud", "gcp", "gcp,google cloud,gke", "");
        add("Azure", "azure", "azure,aks", "애저");
        add("Istio", "istio", "istio", "");
        add("OpenTelemetry", "opentelemetry,observability", "opentelemetry,otel", "");
        add("Datadog", "datadog,observability", "datadog", "");
        add("TCP/IP", "tcp,networking", "tcp,tcp ip", "");
        add("DNS", "dns,networking", "dns", "");
        add("Java", "java", "java", "자바");
        add("Spring", "spring", "spring boot,spring framework", "스프링");
        add("Python", "python", "python", "파이썬");
        add("Go", "go,golang", "golang", "");
        add("JavaScript", "javascript", "javascript,typescript,node.js", "자바스크립트");
        ENGLISH.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.words.length).reversed()));
        KOREAN.sort(Comparator.comparingInt((Map.Entry<String, Technology> e) -> e.getKey().length()).reversed());
    }

    private static void add(String name, String bankKeys, String english, String korean) {
        Technology technology = new Technology(name, Set.of(bankKeys.split("[,|]")));
        BY_NAME.put(name, technology);
        for (String alias : english.split(",")) {
            String[] words = alias.split(" ");
            ENGLISH.computeIfAbsent(words[0], first -> new ArrayList<>()).add(new Alias(words, technology));
        }
        for (String alias : korean.split(",")) {
            if (!alias.isBlank()) {
                KOREAN.add(Map.entry(alias.replace(" ", ""), technology));
            }
        }
    }

    private Technologies() {
    }

    /** The technology of this name, if the dictionary has it. */
    static java.util.Optional<Technology> named(String name) {
        return java.util.Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every mention in the text, in order. */
    static List<Mention> find(String text) {
        List<int[]> words = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (word(c)) {
                int start = i;
                while (i < n && (word(text.charAt(i))
                        || text.charAt(i) == '.' && i + 1 < n && letter(text.charAt(i + 1)) && i > start)) {
                    i++;
                }
                words.add(new int[] {start, i});
                lower.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (hangul(c)) {
                int start = i;
                while (i < n && hangul(text.charAt(i))) {
                    i++;
                }
                for (Map.Entry<String, Technology> name : KOREAN) {
                    if (text.startsWith(name.getKey(), start)) {
                        mentions.add(new Mention(start, start + name.getKey().length(), name.getValue()));
                        break;
                    }
                }
            } else {
                i++;
            }
        }
        for (int w = 0; w < words.size(); w++) {
            List<Alias> aliases = ENGLISH.get(lower.get(w));
            if (aliases == null) {
                continue;
            }
            for (Alias alias : aliases) {
                int last = w + alias.words.length - 1;
                if (last < words.size() && follows(text, words, lower, w, alias.words)) {
                    mentions.add(new Mention(words.get(w)[0], words.get(last)[1], alias.technology));
                    w = last;
                    break;
                }
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    // the alias's further words come next, apart by one space, hyphen or slash each
    private static boolean follows(String text, List<int[]> words, List<String> lower, int first, String[] alias) {
        for (int k = 1; k < alias.length; k++) {
            if (!lower.get(first + k).equals(alias[k])) {
                return false;
            }
            int gapStart = words.get(first + k - 1)[1];
            int gapEnd = words.get(first + k)[0];
            if (gapEnd - gapStart != 1 || " -/".indexOf(text.charAt(gapStart)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The technologies mentioned, each once, in the order they first appear. */
    static List<Technology> distinct(List<Mention> mentions) {
        Set<Technology> seen = new LinkedHashSet<>();
        mentions.forEach(mention -> seen.add(mention.technology()));
        return List.copyOf(seen);
    }

    /** The text cut into plain pieces and mentions, for the page to mark the mentions (escaped like any text). */
    static List<Segment> segments(String text, List<Mention> mentions) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Mention mention : mentions) {
            if (mention.start() < at) {
                continue;
            }
            if (mention.start() > at) {
                segments.add(new Segment(text.substring(at, mention.start()), null));
            }
            segments.add(new Segment(text.substring(mention.start(), mention.end()), mention.technology().name()));
            at = mention.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    /**
     * The pieces as HTML: the text of every piece escaped (ampersand, angle brackets, both quotes), each mention in a
     * mark element carrying its technology's escaped name. Written in one pass here rather than by the template, whose
     * cost per piece made a résumé with thousands of mentions the slowest part of the kit's page.
     */
    static String html(List<Segment> segments) {
        StringBuilder html = new StringBuilder(segments.stream().mapToInt(s -> s.text().length()).sum() + 64);
        for (Segment segment : segments) {
            if (segment.technology() == null) {
                escape(segment.text(), html);
            } else {
                html.append("<mark data-technology=\"");
                escape(segment.technology(), html);
                html.append("\">");
                escape(segment.text(), html);
                html.append("</mark>");
            }
        }
        return html.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** How many times each technology is mentioned, by name, in the order they first appear. */
    static Map<String, Integer> counts(List<Mention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        mentions.forEach(mention -> counts.merge(mention.technology().name(), 1, Integer::sum));
        return counts;
    }

    private static boolean word(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '#');
    }

    private static boolean letter(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean hangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }
}
