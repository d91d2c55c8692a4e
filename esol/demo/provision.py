"""Demo entries of the ESOL provision directory and demo ESOL contacts for a few boroughs. Every
one is invented and marked (is_demo: the pages show "Demo entry" / "Demo contact"): the providers
are the demo's grantees, and the courses, times, venues and contacts are made up. One entry was
last checked over a year ago, so the directory flags it and its provider is reminded."""

import datetime as dt

from django.utils import timezone

from partnership.models import Organisation

from ..models import BoroughEsolContacts, Provision, ProvisionCost, ProvisionMode
from .accounts import LEARNING_UNLIMITED, POPLAR_HARCA, SUTTON_COLLEGE

REFUGEES = "Resettled refugees welcome; free for learners on benefits or low incomes."

# provider, course, borough, levels, times, mode, childcare, women only, cost, venue, days since checked
ENTRIES = [
    (POPLAR_HARCA, "ESOL with a crèche (demo)", "Tower Hamlets", ["level_pre_entry", "level_entry_1"], ["daytime"],
     ProvisionMode.IN_PERSON, True, False, ProvisionCost.FREE, "Poplar community centre (demo)", 30),
    (POPLAR_HARCA, "Women's conversation club (demo)", "Tower Hamlets", ["level_entry_1", "level_entry_2"],
     ["daytime"], ProvisionMode.IN_PERSON, True, True, ProvisionCost.FREE, "Poplar community centre (demo)", 60),
    (POPLAR_HARCA, "Evening English for work (demo)", "Tower Hamlets", ["level_entry_3", "level_1"], ["evening"],
     ProvisionMode.BLENDED, False, False, ProvisionCost.FEE_REMISSION, "Poplar community centre (demo)", 90),
    (SUTTON_COLLEGE, "ESOL Entry 1 and 2, mornings (demo)", "Sutton", ["level_entry_1", "level_entry_2"],
     ["daytime"], ProvisionMode.IN_PERSON, True, False, ProvisionCost.FEE_REMISSION, "Sutton College (demo)", 20),
    (SUTTON_COLLEGE, "ESOL Entry 3, evenings (demo)", "Sutton", ["level_entry_3"], ["evening"],
     ProvisionMode.IN_PERSON, False, False, ProvisionCost.FEE_REMISSION, "Sutton College (demo)", 45),
    (SUTTON_COLLEGE, "ESOL Level 1 and 2, Saturdays (demo)", "Sutton", ["level_1", "level_2"], ["weekend"],
     ProvisionMode.IN_PERSON, False, False, ProvisionCost.FEES, "Sutton College (demo)", 420),
    (SUTTON_COLLEGE, "ESOL online, evenings (demo)", "Sutton", ["level_entry_2", "level_entry_3"], ["evening"],
     ProvisionMode.ONLINE, False, False, ProvisionCost.FEE_REMISSION, "", 10),
    (LEARNING_UNLIMITED, "English through photography (demo)", "Camden", ["level_entry_2", "level_entry_3"],
     ["daytime"], ProvisionMode.IN_PERSON, False, False, ProvisionCost.FREE, "Community library (demo)", 50),
    (LEARNING_UNLIMITED, "Creative writing in English, evenings (demo)", "Camden", ["level_entry_3", "level_1"],
     ["evening"], ProvisionMode.IN_PERSON, False, False, ProvisionCost.FREE, "Community library (demo)", 70),
    (LEARNING_UNLIMITED, "Pre-entry English for new arrivals (demo)", "Hackney", ["level_pre_entry"],
     ["daytime", "weekend"], ProvisionMode.IN_PERSON, True, True, ProvisionCost.FREE, "Family hub (demo)", 15),
    (LEARNING_UNLIMITED, "English conversation online (demo)", "Hackney", ["level_entry_1", "level_entry_2"],
     ["evening", "weekend"], ProvisionMode.ONLINE, False, False, ProvisionCost.FREE, "", 25),
    (LEARNING_UNLIMITED, "ESOL for parents, Entry 3 (demo)", "Newham", ["level_entry_3"], ["daytime", "evening"],
     ProvisionMode.BLENDED, True, False, ProvisionCost.FREE, "Primary school hall (demo)", 100),
]

# borough, single point of contact, network, about the network
CONTACTS = [
    ("Tower Hamlets", "ESOL advice and referral team (demo)", "Tower Hamlets ESOL network (demo)",
     "Formal and informal providers who meet each term, map provision and share resources (demo)."),
    ("Sutton", "Adult learning ESOL advice line (demo)", "Sutton ESOL network (demo)",
     "Local providers who map classes and bid jointly for funding (demo)."),
    ("Camden", "ESOL single point of contact (demo)", "Camden ESOL network (demo)",
     "Providers, libraries and community groups that meet to map provision (demo)."),
    ("Hackney", "ESOL assessment and referral (demo)", "", ""),
]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def seed() -> int:
    today = timezone.localdate()
    for (provider, course, borough, levels, times, mode, childcare, women_only, cost, venue,
         days) in ENTRIES:
        values = {name: name in levels for name in ("level_pre_entry", "level_entry_1", "level_entry_2",
                                                    "level_entry_3", "level_1", "level_2")}
        values.update({name: name in times for name in ("daytime", "evening", "weekend")})
        Provision.objects.update_or_create(
            provider=Organisation.objects.get(name=provider), course_title=course, defaults={
                **values, "borough": Organisation.objects.boroughs().get(name=borough), "mode": mode,
                "childcare_on_site": childcare, "women_only": women_only, "cost": cost, "eligibility": REFUGEES,
                "venue_name": venue, "venue_postcode": "", "contact_email": f"esol@{_slug(provider)}.example.org",
                "how_to_join": "Come to an assessment session, or ask the borough's ESOL contact to refer you.",
                "last_checked_on": today - dt.timedelta(days=days), "is_demo": True})
    for borough, spoc, network, about in CONTACTS:
        BoroughEsolContacts.objects.update_or_create(
            borough=Organisation.objects.boroughs().get(name=borough), defaults={
                "spoc_name": spoc, "spoc_email": f"esol-advice@{_slug(borough)}.example.org",
                "network_name": network, "network_about": about, "is_demo": True})
    return len(ENTRIES)
