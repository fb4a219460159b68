"""The sentence templates and word pools of the synthetic libraries (data only; :mod:`synthetic_documents` assembles them).

Role codes, agencies, months and years only: no names, addresses, full dates
or other personal data, so the anonymisation check has nothing to stop.
"""

from __future__ import annotations

# --------------------------------------------------------------------------
# The vocabulary of the generated prose
# --------------------------------------------------------------------------

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

ROLES = (
    "the health visitor",
    "the midwife",
    "the GP",
    "the school nurse",
    "the social worker",
    "the team manager",
    "the designated safeguarding lead",
    "the class teacher",
    "the police officer",
    "the family support worker",
    "the early help practitioner",
    "the paediatrician",
    "the practice nurse",
    "the housing officer",
    "the probation officer",
    "the nursery key worker",
    "the youth worker",
    "the mental health nurse",
    "the substance misuse worker",
    "the independent reviewing officer",
    "the emergency department nurse",
    "the attendance officer",
    "the named nurse for safeguarding",
)

AGENCIES = (
    "Children's Social Care",
    "the police",
    "the health visiting service",
    "the school",
    "the nursery",
    "the GP practice",
    "the hospital",
    "the emergency department",
    "the early help service",
    "the housing provider",
    "the probation service",
    "adult mental health services",
    "the drug and alcohol service",
    "the multi-agency safeguarding hub",
    "the ambulance service",
    "the domestic abuse service",
    "the youth justice service",
    "the children's centre",
)

PARENTS = (
    "Mother",
    "Father",
    "Mother's partner",
    "Maternal Grandmother",
    "Paternal Grandmother",
    "the stepfather",
)

SIBLINGS = ("Sibling 1", "Sibling 2", "the older sibling", "the younger sibling")

CONCERNS = (
    "bruising to the face",
    "poor school attendance",
    "missed health appointments",
    "the condition of the home",
    "weight loss",
    "a head injury",
    "self-harm",
    "going missing from home",
    "arguments between the adults",
    "unexplained injuries",
    "drug use in the home",
    "being left alone at night",
    "poor hygiene",
    "delayed speech and language",
    "a burn to the hand",
    "an untreated dental problem",
    "older men collecting the young person from school",
    "low mood and withdrawal",
)

FAMILY_ISSUES = (
    "depression and anxiety",
    "alcohol misuse",
    "drug misuse",
    "domestic abuse",
    "a learning disability",
    "debt and insecure housing",
    "post-natal depression",
    "a long-term physical illness",
    "previous involvement with the criminal justice system",
)

MEETINGS = (
    "a strategy discussion",
    "an initial child protection conference",
    "a core group meeting",
    "a child in need meeting",
    "a team around the family meeting",
    "a multi-agency risk assessment conference",
    "a review child protection conference",
    "a professionals' meeting",
)

PLANS = (
    "a child in need plan",
    "a child protection plan",
    "an early help plan",
    "a safety plan",
    "a pre-birth plan",
)

TOOLS = (
    "the graded care profile",
    "the neglect toolkit",
    "the domestic abuse risk checklist",
    "the escalation policy",
    "the threshold document",
    "the safer sleep assessment",
    "the pre-birth assessment protocol",
    "the exploitation screening tool",
)

NUMBERS = ("three", "four", "five", "six", "eight", "ten", "twelve")

BACKGROUND = (
    "{child} lived with {parent} and {sibling} in privately rented accommodation.",
    "{parent} had a history of {family_issue} that was known to {agency} before {child} was born.",
    "The family had moved between local authority areas three times in the two years before the review.",
    "{parent} had been in care as a child, and some professionals knew this while others did not.",
    "{sibling} had been subject to a child protection plan in {year} because of concerns about neglect.",
    "{parent} told {role} that the relationship with {parent2} had ended, but there were signs that it continued.",
    "{child}'s first language at home was not English, and an interpreter was not always used.",
    "The household was affected by debt, overcrowding and the threat of eviction throughout the period under review.",
    "{parent} was caring for a relative with a long-term illness as well as for {child} and {sibling}.",
    "{child} was known to {agency} as a child with additional needs who required specialist support.",
    "The adults in the household had limited contact with universal services apart from routine appointments.",
    "{parent} described feeling isolated after moving to the area, with no family support nearby.",
    "Previous concerns about {family_issue} had been recorded by {agency} but were closed without a full assessment.",
    "{child} spent time in the care of {parent2}, whose circumstances were not assessed by any agency.",
    "The family were well known to {agency}, and professionals described a long history of short-term involvement.",
)

EVENTS = (
    "In {month} {year}, {role} visited the home and noted concerns about {concern}.",
    "In {month} {year}, {child} was taken to the emergency department with {concern}.",
    "By {month} {year}, {child} had missed several appointments with {agency}.",
    "{role} made a referral to Children's Social Care in {month} {year}, describing {concern}.",
    "A strategy discussion was held in {month} {year}, but {agency2} was not invited to take part.",
    "{meeting} took place in {month} {year} and agreed {plan}.",
    "Over the following months, {role} recorded that {parent} was difficult to contact and that visits were cancelled at short notice.",
    "In {month} {year}, the police attended the home after a report of shouting, and a domestic abuse "
    "notification was shared with the school.",
    "{child} told {role} that things at home were fine, and this was accepted without further exploration.",
    "The case was stepped down to early help in {month} {year}, after {parent} agreed to work with the family support worker.",
    "Early in {year}, {role} noticed that {child} appeared hungry and was wearing clothes unsuitable for the weather.",
    "In {month} {year}, {agency} received information about {concern} but did not share it with the allocated social worker.",
    "{child} was seen by {role} on four occasions during {year}, each time with {parent} present.",
    "Following a single assessment completed in {month} {year}, the case was closed with advice to the family.",
    "In {month} {year}, {parent} told {role} that they were struggling with {family_issue}.",
    "{child} was not brought to three appointments with {agency} during {year}, and no follow-up was made.",
    "Towards the end of {year}, school attendance fell below sixty per cent, and {child} was often late.",
    "In {month} {year}, {child} was found by the police some distance from home late at night, in the company of older young people.",
    "The incident that led to this review took place in {month} {year}, when {child} was admitted to hospital and "
    "concerns about {concern} were raised.",
    "In {month} {year}, {agency} held a professionals' meeting, but the notes were not circulated to all agencies.",
    "{role} completed a home visit in {month} {year} and found the home in a poor condition, with little food available.",
    "A child protection medical in {month} {year} concluded that the injuries were likely to have been inflicted.",
    "{child} moved to a new school in {month} {year}, and the safeguarding file did not arrive for several weeks.",
)

ANALYSIS = (
    "Professionals saw each concern on its own rather than as part of a pattern of cumulative harm.",
    "{role} was not aware of the history held by {agency}, because records were held on separate systems.",
    "The focus of the work drifted towards the needs of the adults, and {child}'s daily experience was not explored.",
    "{parent} presented as co-operative, and professionals were reassured by agreement rather than by evidence of change.",
    "There was no single professional who held an overview of all the agencies involved with the family.",
    "Thresholds for intervention were applied inconsistently, and decisions were not always recorded with reasons.",
    "{role} felt uneasy about the decision to close the case but did not use the escalation policy.",
    "Practitioners were working with high caseloads, and supervision sessions were often cancelled.",
    "The role of the men in {child}'s life was not understood, and none of them was assessed by any agency.",
    "Information from the police about domestic abuse incidents did not reach {role} in time to inform the assessment.",
    "{child}'s behaviour at school was seen as a discipline issue rather than as a possible sign of harm at home.",
    "Professionals relied on what {parent} told them, and did not check this with other agencies.",
    "The assessment did not consider the impact of {theme} on {child}, even though this was known to several agencies.",
    "Interpreters were not used consistently, and family members were sometimes asked to translate.",
    "The records show that {child} was seen, but not always spoken to alone.",
    "Once the case was stepped down, there was no clear plan for how new concerns would be reviewed.",
    "There was optimism about the family's capacity to change that the evidence did not support.",
    "Agencies did not challenge each other when their views of the risk to {child} differed.",
    "Many contacts took place by telephone or video during the pandemic, and the home was rarely seen.",
    "{role} had concerns about {concern}, but these were framed as a health issue rather than a safeguarding one.",
)

LEARNING = (
    "Professionals need to think about what daily life is like for the child, and record what they see, hear and are told.",
    "Curiosity about who lives in and visits the household is essential, particularly where there is a new partner.",
    "Assessments should take account of the family's history, not just the presenting incident.",
    "Where a parent's engagement is inconsistent, practitioners should ask what this means for the child.",
    "Information held by one agency may be the missing piece in another agency's understanding of risk.",
    "Supervision should create space for practitioners to reflect on their assumptions and the evidence for them.",
    "When a case is closed or stepped down, the reasons and the plan for any further concerns should be clear to everyone involved.",
    "Babies who are not yet mobile should not have bruises, and any bruising should be treated as a safeguarding concern.",
    "Neglect is often cumulative, and the impact on the child can be missed when each episode is considered separately.",
    "Young people at risk of exploitation are victims first, and their behaviour should be understood in that light.",
    "Escalation is part of good professional practice, not a sign of conflict between agencies.",
    "Disguised compliance can be hard to spot; the test is whether the child's experience has changed.",
    "The voice of the child includes what their behaviour, presentation and development tell us, not only their words.",
    "Practitioners should be confident to share information for safeguarding purposes, following the national "
    "guidance on information sharing.",
    "Adult services working with a parent need to think about the children in the household.",
    "Not being brought to appointments is a possible indicator of neglect and should trigger follow-up.",
    "Risk can increase at times of transition, such as a house move, a new school or a change of worker.",
    "The learning about {theme} in this review echoes findings from national reviews published since {year}.",
)

GOOD_PRACTICE = (
    "{role} showed persistence in trying to see {child}, making repeated visits when the family did not respond.",
    "The school knew {child} well and kept detailed records of changes in presentation and behaviour.",
    "{agency} responded quickly to the referral and held a strategy discussion on the same day.",
    "{role} used {tool} to structure the assessment, which helped other agencies understand the concerns.",
    "There were examples of thoughtful direct work with {child}, which helped professionals understand their wishes and feelings.",
    "{role} escalated concerns to a manager when the plan did not appear to be working.",
    "Practitioners across agencies attended the learning event and reflected openly on their involvement.",
    "{agency} shared information promptly with the GP, which meant the health record was complete.",
)

GUIDANCE = (
    "Ask about every adult in the household at each contact, and record who they are and their relationship to the child.",
    "Use {tool} where there are concerns about {theme}.",
    "Speak to the child on their own where it is safe and appropriate to do so.",
    "If you are worried that a decision does not keep a child safe, use the escalation policy and record what you did.",
    "Check what other agencies know before closing a case or deciding that no further action is needed.",
    "Discuss cases involving {theme} in supervision, and ask what the evidence tells you about the child's daily life.",
    "Give safer sleep advice at every contact with families of young babies, and check how the advice is being followed.",
    "Follow up missed appointments and record the reasons given; ask whether a pattern is emerging.",
    "Consider whether the family's culture, faith or language affects how they experience services and how you understand them.",
    "Share information about domestic abuse incidents with the school before the start of the next school day.",
    "Record the child's words as they were said, and what you observed about their presentation and behaviour.",
    "Think about the impact of {family_issue} on the parent's capacity to meet the child's needs.",
    "Make sure referrals say clearly what you are worried about and what you think will happen if nothing changes.",
    "Where a young person is missing from home or education, consider the risk of exploitation and make a referral.",
    "Remember that {theme} may be present alongside other concerns, and look at the whole picture.",
)

REVIEW_CONTEXT = (
    "The partnership decided in {month} {year} that the case met the criteria for a review.",
    "The rapid review found that there was learning about how agencies worked with {child} and the family.",
    "An independent reviewer was appointed, supported by a panel of senior managers from {agency} and {agency2}.",
    "Practitioners who had worked with the family took part in a learning event and were open about their involvement.",
    "The family were invited to contribute, and {parent} shared their views with the reviewer.",
    "The review covered the period from {month} {year} until the incident, with earlier history summarised.",
    "Agencies provided chronologies and reports on their involvement, which the panel analysed together.",
    "The review did not seek to blame individuals but to understand why things happened as they did.",
)

CONTEXT = (
    "Local and national reviews show that {theme} is a recurring feature of cases where children are seriously harmed.",
    "This briefing draws on {number} reviews published by the partnership since {year}.",
    "The national Child Safeguarding Practice Review Panel has highlighted similar learning in its annual reports.",
    "Practitioners told the partnership that they would value clearer guidance on {theme}.",
    "Research consistently shows that children who experience {theme} often experience other forms of harm as well.",
    "Reviews were commissioned because a child had died or been seriously harmed and abuse or neglect was known or suspected.",
    "In {number} of the reviews, {theme} had been known to at least one agency for more than a year.",
)

BULLETS = (
    "Ask who lives in the home and who visits.",
    "See the child, and see where the child sleeps.",
    "Check the chronology for patterns of concern.",
    "Record the child's words and your observations.",
    "Share information with the right agencies promptly.",
    "Use the escalation policy if you disagree with a decision.",
    "Discuss your worries in supervision.",
    "Consider the impact of the adults' needs on the child.",
    "Look for evidence of change, not only agreement.",
    "Follow up missed appointments.",
    "Use a professional interpreter, not a family member.",
    "Think about risks outside the home as well as inside it.",
    "Give and check safer sleep advice at every contact.",
    "Invite all relevant agencies to strategy discussions.",
    "Make sure the plan says who will do what, and by when.",
    "Review the plan when circumstances change.",
    "Be curious about explanations that do not fit the injury.",
    "Treat bruising in a baby who is not yet mobile as a safeguarding concern.",
    "Record decisions and the reasons for them.",
    "Ask the child what would make things better.",
    "Check that the receiving school has the safeguarding file.",
    "Think about the child's whole network, including extended family.",
    "Consider a multi-agency meeting when several agencies are worried.",
    "Keep the child at the centre of every meeting.",
    "Ask the family what support they think they need.",
    "Find out about the history of previous partners.",
    "Notice changes in attendance, presentation or behaviour.",
    "Treat self-harm as a sign of distress that needs a response.",
    "Know who the designated safeguarding lead is in your setting.",
    "Use the threshold document to inform, not replace, your judgement.",
)

QUESTIONS = (
    "How do you find out who is living in the household?",
    "When did you last speak to a child on their own?",
    "How do you know that a family's situation has really changed?",
    "What would you do if you disagreed with another agency's decision?",
    "How does your team make sure missed appointments are followed up?",
    "What does {theme} look like in the families you work with?",
    "Who else might hold information about this child?",
    "How do you use supervision to test your assumptions?",
)

RECOMMENDATIONS = (
    "The partnership seeks assurance that {agency} asks about every adult in the household at each contact.",
    "The partnership updates its neglect toolkit and promotes its use across all agencies.",
    "{agency} reviews how information about missed appointments is shared with other agencies.",
    "The partnership reviews its multi-agency training on {theme} in the light of this review.",
    "All agencies confirm that practitioners working with children have regular reflective supervision.",
    "The partnership audits the use of the escalation policy within twelve months.",
    "Children's Social Care makes sure that step-down plans set out how new concerns will be reviewed.",
    "The partnership publishes a briefing on {theme} for all practitioners.",
    "Health partners review the safer sleep advice given to families at times of change.",
    "Schools are reminded to transfer safeguarding files promptly when a child moves school.",
    "Adult services include questions about children in the household in their assessments.",
    "The police review how domestic abuse notifications are shared with schools and health visitors.",
)

EVIDENCE = {
    "open": ("Action plan agreed; work has not yet started.",),
    "in-progress": (
        "Training delivered to {number} teams; a follow-up audit is planned for {later_year}.",
        "Revised guidance drafted and out for consultation with partner agencies.",
    ),
    "complete": (
        "Revised guidance published in {month} {later_year} and shared with all agencies.",
        "Multi-agency training delivered in {later_year}; attendance reported to the partnership.",
    ),
    "impact-evidenced": (
        "A multi-agency audit in {later_year} found the expected practice in most of the cases sampled.",
        "Practitioner survey in {later_year} showed greater confidence, confirmed by a case file audit.",
    ),
}

REVIEW_MODELS = (
    "Significant Incident Learning Process",
    "Systems approach with practitioner learning events",
    "Appreciative inquiry",
    "Rapid review and practitioner event",
    "Child Practice Review model",
    "Hybrid methodology with independent reviewer",
)

INCIDENTS = (
    "they were admitted to hospital with serious injuries",
    "they died unexpectedly at home",
    "they were found to have been living in neglectful conditions",
    "they were seriously harmed",
    "concerns about exploitation came to light",
)

AUDIENCES = (
    "Health visitors",
    "Midwives",
    "GPs",
    "Designated safeguarding leads",
    "Social workers",
    "Police officers",
    "Early years practitioners",
    "Adult mental health practitioners",
    "Housing officers",
    "Team managers",
    "All practitioners",
    "Youth workers",
)

FINDING_HEADINGS = (
    "Seeing the whole family",
    "The child's lived experience",
    "Working together across agencies",
    "Understanding risk over time",
    "Challenge and escalation",
    "Support for practitioners",
    "Recording and sharing information",
    "Planning and review",
)

AGES = {
    "under-1": ("three months old", "five months old", "seven months old", "ten months old"),
    "1-4": ("aged 1", "aged 2", "aged 3", "aged 4"),
    "5-9": ("aged 5", "aged 6", "aged 7", "aged 8", "aged 9"),
    "10-14": ("aged 10", "aged 11", "aged 12", "aged 13", "aged 14"),
    "15-17": ("aged 15", "aged 16", "aged 17"),
}
