package io.igpipe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class IgpipePropertiesTest {

    @Test
    void aCompleteAccountIsAccepted() {
        assertThatCode(() -> withAccounts(account("demo", "17841400000000001", "t0ken")).validate()).doesNotThrowAnyException();
    }

    @Test
    void missingTokenStopsStartUpNamingTheAccount() {
        assertThatThrownBy(() -> withAccounts(account("shop", "1784", null)).validate())
                .hasMessageContaining("igpipe.accounts[0].access-token").hasMessageContaining("shop");
    }

    @Test
    void duplicateNamesNonNumericIdsAndUnsafeNamesAreRefused() {
        assertThatThrownBy(() -> withAccounts(account("a", "1", "t"), account("a", "2", "t")).validate())
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> withAccounts(account("a", "@brand", "t")).validate())
                .hasMessageContaining("ig-user-id");
        assertThatThrownBy(() -> withAccounts(account("../etc", "1", "t")).validate())
                .hasMessageContaining(".name");
        assertThatThrownBy(() -> withAccounts().validate()).hasMessageContaining("empty");
    }

    private static IgpipeProperties withAccounts(IgpipeProperties.Account... accounts) {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setAccounts(List.of(accounts));
        return properties;
    }

    private static IgpipeProperties.Account account(String name, String igUserId, String token) {
        IgpipeProperties.Account account = new IgpipeProperties.Account();
        account.setName(name);
        account.setIgUserId(igUserId);
        account.setAccessToken(token);
        return account;
    }
}
