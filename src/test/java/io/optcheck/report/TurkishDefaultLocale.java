package io.optcheck.report;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test under the Turkish default locale (comma decimal separator, dotted/dotless i), so a
 * formatting test fails in the ordinary run too if code uses the default locale, not only in the
 * pom's second run with {@code -Duser.language=tr}.
 */
final class TurkishDefaultLocale implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TurkishDefaultLocale.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("locale", Locale.getDefault());
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Locale.setDefault(context.getStore(NS).get("locale", Locale.class));
    }
}
