package th.go.cdd.womenfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.go.cdd.womenfund.area.AreaRepository;
import th.go.cdd.womenfund.area.District;

/** The districts of the member and occupation pages: an officer's own, an admin's Trat. */
class OfficerDistrictsTest {

  final AreaRepository areas = mock(AreaRepository.class);
  final OfficerDistricts officerDistricts = new OfficerDistricts(areas);
  final District laemNgop = new District("2305", "23", "แหลมงอบ", "Laem Ngop", null);
  final District khlongYai = new District("2303", "23", "คลองใหญ่", "Khlong Yai", null);

  @Test
  void anOfficerGetsTheDistrictsOfHerOfficerGroupsOnly() {
    when(areas.district("2305")).thenReturn(Optional.of(laemNgop));
    Actor officer =
        new Actor(
            "officer2305",
            List.of(Roles.districtOfficers("2305"), Roles.districtCommittee("2303"), "other"));
    assertThat(officerDistricts.of(officer)).containsExactly(laemNgop);
  }

  @Test
  void anAdministratorGetsEveryDistrictOfTrat() {
    when(areas.districtsOf("23")).thenReturn(List.of(khlongYai, laemNgop));
    assertThat(officerDistricts.of(new Actor("admin", List.of(Roles.ADMIN))))
        .containsExactly(khlongYai, laemNgop);
  }
}
