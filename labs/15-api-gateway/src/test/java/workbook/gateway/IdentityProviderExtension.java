package workbook.gateway;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An identity provider for a test class: started before its tests, stopped after them. */
final class IdentityProviderExtension implements BeforeAllCallback, AfterAllCallback {
    private IdentityProvider provider;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        provider = IdentityProvider.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        provider.close();
    }

    IdentityProvider get() {
        return provider;
    }
}
