"""The esol nouns (DESIGN.md section 3): ESOL Plus rounds and the decision lines that fund them,
funded projects, their monitoring returns (with case studies and evidence), the public ESOL
provision directory and each borough's ESOL contacts, and the progress papers a round sends to
the LSMP board."""

from .boroughs import BoroughEsolContacts
from .progress_papers import ProgressPaper
from .projects import Project, ProjectStatus, ReportingFrequency
from .provision import Provision, ProvisionCost, ProvisionMode
from .returns import CaseStudy, EvidenceFile, MonitoringReturn, ReturnKind, ReturnStatus, ReturnTransition
from .roles import EsolRole
from .rounds import Round, RoundFunding, RoundStatus

__all__ = [
    "BoroughEsolContacts", "CaseStudy", "EsolRole", "EvidenceFile", "MonitoringReturn", "ProgressPaper", "Project",
    "ProjectStatus", "Provision", "ProvisionCost", "ProvisionMode", "ReportingFrequency", "ReturnKind",
    "ReturnStatus", "ReturnTransition", "Round", "RoundFunding", "RoundStatus",
]
