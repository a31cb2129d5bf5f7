"""Every table of the one schema; importing this registers them all on Base.metadata."""

from shared.models.api_key import ApiKey
from shared.models.attributed_vouch import AttributedVouch
from shared.models.audit_entry import AuditEntry
from shared.models.contact import Contact
from shared.models.contact_trust import ContactTrust
from shared.models.erased_funnel_fact import ErasedFunnelFact
from shared.models.freelancer import Freelancer
from shared.models.freelancer_cv import FreelancerCv
from shared.models.freelancer_extracted_skill import FreelancerExtractedSkill
from shared.models.freelancer_language import FreelancerLanguage
from shared.models.freelancer_skill import FreelancerSkill
from shared.models.freelancer_trust import FreelancerTrust
from shared.models.freelancer_unrecognised_skill import FreelancerUnrecognisedSkill
from shared.models.idempotency_record import IdempotencyRecord
from shared.models.interaction import Interaction
from shared.models.job import Job
from shared.models.match_run import MatchRun
from shared.models.model_version import ModelVersion
from shared.models.organization import Organization
from shared.models.outbox_message import OutboxMessage
from shared.models.placement import Placement
from shared.models.rate_limit_counter import RateLimitCounter
from shared.models.referral_attribution import ReferralAttribution
from shared.models.request_skill import RequestSkill
from shared.models.request_unrecognised_skill import RequestUnrecognisedSkill
from shared.models.review import Review
from shared.models.skill import Skill
from shared.models.skill_alias import SkillAlias
from shared.models.skill_relation import SkillRelation
from shared.models.staffing_request import StaffingRequest
from shared.models.subject_operation import SubjectOperation
from shared.models.unrecognised_term import UnrecognisedTerm
from shared.models.user import User
from shared.models.vouch import Vouch

__all__ = [
    "ApiKey",
    "AttributedVouch",
    "AuditEntry",
    "Contact",
    "ContactTrust",
    "ErasedFunnelFact",
    "Freelancer",
    "FreelancerCv",
    "FreelancerExtractedSkill",
    "FreelancerLanguage",
    "FreelancerSkill",
    "FreelancerTrust",
    "FreelancerUnrecognisedSkill",
    "IdempotencyRecord",
    "Interaction",
    "Job",
    "MatchRun",
    "ModelVersion",
    "Organization",
    "OutboxMessage",
    "Placement",
    "RateLimitCounter",
    "ReferralAttribution",
    "RequestSkill",
    "RequestUnrecognisedSkill",
    "Review",
    "Skill",
    "SkillAlias",
    "SkillRelation",
    "StaffingRequest",
    "SubjectOperation",
    "UnrecognisedTerm",
    "User",
    "Vouch",
]
