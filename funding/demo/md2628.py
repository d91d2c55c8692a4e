"""MD2628 London Strategic Migration Partnership 2020/21, word for word as the GLA published it
(seed 002). Generated from the seed once and reviewed; the demo loads it (funding/demo.py). The
one change: the page's private-use Symbol-font dashes before the three posts are written "–"."""

REFERENCE_CODE = "MD2628"
TITLE = 'London Strategic Migration Partnership 2020/21'
DECISION_TYPE = "mayor"
DECISION_BY_NAME = "Sadiq Khan"
DECISION_BY_TITLE = "Mayor of London"

EXECUTIVE_SUMMARY = (
    'The Home Office funds the Greater London Authority (GLA) to lead the London Strategic '
    'Migration Partnership (LSMP). The purpose of the LSMP is to provide strategic policy '
    "coordination on migration and, through working with partners, reduce barriers facing London's "
    'migrant and refugee communities’ access to services such as ESOL and advice/information. The '
    'LSMP work is informed and supported by the Mayor’s Migrant & Refugee Advisory Panel (MRAP), a '
    'consultative forum which has representation from a range of refugee and migrant '
    'organisations. There are similar strategic migration partnerships across all UK regions and '
    'countries.\n'
    'Leading the LSMP enables the GLA to gather better intelligence on migration in London, '
    'improve coordination among strategic partners, influence immigration policy and take '
    'migration into account in delivering the Mayor’s responsibilities and priorities. In the '
    'coming months, LSMP and MRAP will play a critical role in ensuring that the response to the '
    'Covid-19 pandemic takes account of the needs of London’s most vulnerable migrants, refugees '
    'and asylum seekers.\n'
    'The grant of £154,000 from the Home Office for 2020/21 will cover the staff costs needed to '
    'support the LSMP and the delivery of its business plan (including support to the Migrant and '
    'Refugee Advisory Panel), develop London’s approach to supporting resettled refugees, and '
    'coordinate ESOL (English for Speakers of Other Languages) for resettled refugees. The LSMP '
    'has played a core role on issues related to the rights of European Londoners post-Brexit, the '
    'Windrush generation, and undocumented survivors of Grenfell and their families.\n'
    'The GLA has received grant funding for this work stream since 2008. The Mayor approved this '
    'work in 2019/20 under cover of MD2461. This work is a continuation of an existing Home Office '
    'grant agreement to cover staffing costs for the LSMP and refugee resettlement.'
)

PART1_FACTS = (
    'The Home Office funds the Greater London Authority (GLA) to lead the London Strategic '
    'Migration Partnership (LSMP). The Deputy Mayor for Social Integration, Social Mobility and '
    'Community Engagement chairs the LSMP. The previous grant agreement was for £154,000 and '
    'covered the period from 1 April 2019 to 31 March 2020. Recent decision forms relating to this '
    'are: MD2461 and MD2336.\n'
    'A new grant agreement will fund the GLA with £154,000 in 2020/21 to lead the LSMP, develop '
    'London’s approach to supporting resettled refugees, and coordinate ESOL (English for Speakers '
    'of Other Languages) for resettled refugees. The funding for 2020/21 has been confirmed in '
    'writing by the Home Office (Appendix A).\n'
    'The purpose of the LSMP is to provide a strategic leadership, advisory, coordination and '
    'development function for migration and integration in London. The LSMP brings together '
    'cross-sector partners to look at migration issues of strategic importance to London. Its '
    'remit includes data and demographics on migration and supporting integration. The work of the '
    'LSMP is informed by the Mayor’s Migrant and Refugee Advisory Panel (MRAP) which has a '
    'membership of organisations that support migrants, refugees and asylum seekers. The LSMP will '
    'ensure its work supports the Mayor’s priorities and GLA policies and activities.\n'
    'The GLA will also use the grant funding to work with local authorities and civil society to '
    'meet the needs of refugees, including those who have been resettled through the existing '
    'refugee resettlement schemes. The GLA will help mobilise commitment to refugee resettlement – '
    'especially community sponsorship – when the government launches its new United Kingdom '
    'Resettlement Scheme (UKRS).\n'
    'In addition to this, the GLA will provide coordination support to ensure resettled refugees '
    'are able to access suitable ESOL provision.\n'
    'The workplan of the LSMP has adapted to the impact of COVID-19 on Londoners, and will focus '
    'on improving the safety of migrants, refugees and asylum seekers in the current crisis '
    'including support for civil society organisations providing frontline support to the most '
    'vulnerable.\n'
    'Approval is therefore being sought for:\n'
    '• receipt of £154,000 of grant funding from the Home Office, and\n'
    '• expenditure of the same to cover staffing costs and facilitate meetings and events as '
    'necessitated by the workplan, comprising:\n'
    '– £64,000 ‘Enabling’ – a lead officer to coordinate the LSMP and to manage the delivery '
    'of its work plan detailed under section 2.1 below;\n'
    '– £60,000 ‘Resettlement coordination’ – an officer to deliver the programme of work '
    'detailed under section 2.2 below;\n'
    '– £30,000 ‘ESOL coordination’ (match-funded through the Social Integration Budget) – an '
    'officer to deliver the programme of work detailed under section 2.3 below; and\n'
    '• expenditure of £30,000 from the Communities and Social Policy Unit’s social integration '
    'budget to match fund staffing costs for ESOL coordination - an officer to deliver the '
    'programme of work detailed under section 2.3 below. This will cover part of the staffing '
    'costs of an existing postholder whose role is jointly funded by the Home Office and the GLA. '
    'The £30k GLA match-funding is essential to safeguard the existing full-time ESOL within the '
    'Unit. This post is currently occupied by a secondee on a fixed-term basis until September '
    '(with a view to extend it to the end of financial year). A full-time post is necessary due to '
    'the volume of work on the existing programme.\n'
    'The LSMP work plan for 2020/21 is adapting to the emergency response to COVID-19, and the '
    'partnership is leading work to ensure the safety of migrants, refugee and asylum seekers. '
    'This includes:\n'
    '• equipping the migrant sector with the information and support necessary to adapt to '
    'changing circumstances;\n'
    '• helping to coordinate London’s response to the needs of asylum seekers affected by COVID-19 '
    'and government measures to tackle the pandemic; and\n'
    '• ensuring useful information flows between the Home Office, civil society and local '
    'government, and providing accountability for the public sector response.\n'
    'When appropriate, the LSMP will take forward previously planned work for 2020/21:\n'
    '• Managing the impact of the EU Referendum result on London: to mitigate barriers to '
    'vulnerable European Economic Area, Swiss, and third country nationals in London securing '
    'status in the UK, and to increase awareness of migrant rights and mitigate exploitation and '
    'discrimination. This includes delivery of GLA projects such as the Portal for European '
    'Londoners and a micro-grant scheme to support civil society outreach (approved separately '
    'under cover of DD2239, from the European Londoners budget);\n'
    '• Informing the future Immigration system: monitoring the impact of the Government’s hostile '
    'environment policies and making recommendations to mitigate consequences. This includes work '
    'to ensure that undocumented survivors of Grenfell Tower and their families are able to access '
    'support and engage in the public inquiry, and work to ensure the rights of the Windrush '
    'generation are upheld;\n'
    '• Integration and Communities: provide expertise on migrant integration and ESOL policy to '
    'inform the GLA’s wider approach to skills policy and responses to Government’s policy, '
    'including the delivery of the Social Integration Team’s ESOL Plus project, which aims to '
    'promote innovation in supporting learners to overcome barriers to accessing English language; '
    'and\n'
    '• Asylum and Refugee Resettlement: convene the London Asylum Group (LAG) and help secure '
    'improvements to asylum support in London. Maintain an understanding of London’s approaches to '
    'supporting Unaccompanied Asylum-Seeking Children (UASC) and ensure boroughs have the '
    'resources and support to sustainably support UASC.\n'
    'London coordination for the resettlement of refugees will include:\n'
    '• further developing a sustainable community sponsorship and regional co-ordination model '
    'with buy-in from interested boroughs and other key London stakeholders including communities '
    'and civil society, businesses and employers, funders and philanthropists which aspires to '
    'work with and support as many community sponsors as possible within the capital;\n'
    '• continuing to convene a network of borough officers leading on resettlement which will meet '
    'on a quarterly basis, with a particular focus on supporting them to meet the challenges posed '
    'by Covid 19; and\n'
    '• identifying issues and challenges on resettlement shared across local authorities in '
    'London, and ensuring information and solutions are shared across the region and used to '
    'inform resettlement.\n'
    'The Home Office have also agreed to fund a London coordinator to take forward work related to '
    'the provision of suitable ESOL for resettled refugees. This post will be employed by the GLA '
    'with a work programme including:\n'
    '• delivering programme support on ESOL provision in London to increase the region’s '
    'effectiveness in providing access to language support for all Londoners, including but not '
    'limited to individuals resettled under the United Kingdom Resettlement Scheme (UKRS). This '
    'will have a particular focus on ensuring ESOL learners are able to digitally engage with ESOL '
    'learning during the current period;\n'
    '• developing new approaches to strategic planning, commissioning and coordination of ESOL '
    'provision for resettled refugees, at city-wide, sub-regional and borough levels, including by '
    'advising GLA colleagues implementing the devolution of London’s Adult Education Budget; and\n'
    '• leading the work of the GLA’s ESOL Plus programmes, including liaison with employers and '
    'the ESOL sector, and learning from pilots.\n'
    'Across all these stands there will be a focus on coordinating London’s response to COVID-19 '
    'in the coming months to ensure that the impacts on vulnerable migrants in particular are '
    'taken into account:\n'
    '• MRAP will enable the GLA to engage with civil society and ensure new initiatives are '
    'sensitive the needs to migrants;\n'
    '• LSMP meetings will provide the opportunity to ensure better coordination between the public '
    'sector and civil society, influence government policy, and provide accountability for the '
    'public sector response; and\n'
    '• LAG will facilitate intelligence sharing to enable better service planning and mitigation, '
    'and facilitate cross-sectoral working in the provision of support for asylum seekers and '
    'refugees.'
)

EQUALITY_COMMENTS = (
    'Under Section 149 of the Equality Act 2010, as a public authority, the GLA must have ‘due '
    'regard’ of the need to:\n'
    '• eliminate unlawful discrimination, harassment and victimisation; and\n'
    '• advance equality of opportunity and foster good relations between people who have a '
    'protected characteristic and those who do not.\n'
    'Equality, integration and inclusion are the drivers behind this programme of work. Tackling '
    'disadvantage and discrimination is a central part of this. The LSMP aims to increase '
    'awareness of migrant rights and mitigate exploitation and discrimination. The ESOL programme '
    'of work is specifically designed to overcome the additional barriers that some groups face to '
    'social integration, in this case English language proficiency.\n'
    'The LSMP and MRAP ensure that the voices of migrants and refugees are included in the '
    'delivery of the Mayor’s Equality, Diversity and Inclusion Strategy as well as the Mayor’s '
    'Social Integration Strategy. The workplan will support a number of objectives from the '
    'Equality, Diversity and Inclusion Strategy including ensuring that London is a great place to '
    'live, work and do business. To achieve this the Equality, Diversity, and Inclusion Advisory '
    'Group will develop a link to the Migrant and Refugee Advisory Panel.\n'
    'The lead officer coordinating the LSMP and MRAP will ensure that a diversity of voices are '
    'included in the Partnership. This is embedded in the terms of reference for MRAP which states '
    'that the board should ‘represent the diversity of London’s migrant and refugee communities, '
    'and the issues that affect them’ and membership will be kept under review for this purpose.'
)

STRATEGY_LINKS = (
    'Social Integration – core to the Mayor’s Strategy ‘All of Us’, in particular to deliver the '
    'Mayor’s commitment to support migrants and refugees by challenging barriers to integration.\n'
    'Skills – ESOL is a core part of the Skills Strategy and City Hall has committed to support '
    'the development of innovative approaches to strategic planning and commissioning of ESOL '
    'including the use of community based and volunteer support, to improve local coordination of '
    'ESOL provision, and to address practical barriers to ESOL learning. The Skills Team have been '
    'closely involved in developing the ESOL coordinator role and the post-holder will work '
    'closely with the skills team.\n'
    'Work of Team London – The Resettlement Coordinator has promoted new opportunities for '
    'volunteering and social action through the Team London website. Team London have been closely '
    'involved in developing the ESOL coordinator role so that the approach to voluntary ESOL makes '
    'use of the expertise and platform Team London provides.'
)

IMPACT_ASSESSMENTS = (
    'The LSMP is a partnership board and all members are consulted in drafting the workplan. '
    'Representatives include Home Office, London Councils, Association of London Directors of '
    'Children Services, London Housing Directors, four lead representatives from MRAP and business '
    'representatives. The workplan has also been developed in consultation with GLA Skills, '
    'Housing, MOPAC, and EBPU in reference to specific areas of crossover.\n'
    'The ESOL coordination work has been developed on the back of ESOL mapping undertaken in 2016 '
    'which engaged with ESOL providers in London. This report detailed the complementary role of '
    'voluntary ESOL provision which can meet gaps in formal ESOL provision to offer greater '
    'flexibility and broader social integration outcomes.'
)

FINANCIAL_COMMENTS = (
    'Approval is being sought for receipt and expenditure of £154,000 in grant funding for the '
    'activities associated with the London Strategic Migration Partnership for 2020/21. The grant '
    'funding will be provided by the Home Office.\n'
    'Approval is also being sought for expenditure of £30,000 worth of GLA match funding for the '
    'staffing costs of the ESOL project coordinator post. This expenditure will be funded by the '
    '2020/21 ESOL Plus programme budget under the Social Integration workstream.\n'
    'All income and expenditure will be contained and managed by the Communities and Social Policy '
    'Unit within the Communities and Skills directorate in financial year 2020/21.'
)

LEGAL_COMMENTS = (
    'The foregoing sections of this report indicate that:\n'
    '• The decisions requested of the Mayor concern the exercise of the GLA’s general powers, '
    'falling within the GLA’s statutory powers to do such things considered to further or which '
    'are facilitative of, conducive or incidental to the promotion of social development and '
    'wealth creation in Greater London; and\n'
    '• In formulating the proposals in respect of which a decision is sought, officers have '
    'complied with the Authority’s related statutory duties to:\n'
    'o pay due regard to the principle that there should be equality of opportunity for all '
    'people;\n'
    'o consider how the proposals will promote the improvement of health of persons, health '
    'inequalities between persons and to contribute towards the achievement of sustainable '
    'development in the United Kingdom; and\n'
    'o consult with appropriate bodies.\n'
    'In taking the decisions requested, the Mayor must have due regard to the Public Sector '
    'Equality Duty; namely the need to eliminate discrimination, harassment, victimisation and any '
    'other conduct prohibited by the Equality Act 2010, and to advance equality of opportunity and '
    'foster good relations between persons who share a relevant protected characteristic (race, '
    'disability, gender, age, sexual orientation, religion) and persons who do not share it '
    '(section 149 of the Equality Act 2010). To this end, the Mayor should have particular regard '
    'to section 3 (above) of this report.\n'
    'Should the Mayor be minded to make the decisions sought, officers must ensure that:\n'
    '• no reliance is placed upon third party funding before a legally binding commitment is '
    'secured from the Home Office; and\n'
    '• to the extent that the proposals concern the creation of new posts all applicable GLA HR '
    'protocols are followed and all necessary approvals secured.'
)

# (number, text): "That the Mayor approves:"
DECISION_ITEMS = [
    ('1', 'receipt of £154,000 of grant funding from the Home Office;'),
    ('2', 'expenditure of:'),
    ('2a', 'the same to cover staff costs and meeting facilitation costs to support the London '
        'Strategic Migration Partnership and the delivery of its business plan, coordinate '
        'London’s response to the United Kingdom Resettlement Scheme, and coordinate English '
        'for Speakers of Other Languages (ESOL) for Resettled Refugees for 2020/21; and'),
    ('2b', '£30,000 from the GLA budget to match fund staffing costs for ESOL coordination.'),
]

# (risk, mitigation measures one a line, probability 1-4, impact 1-4); each is Green on the form.
RISKS = [
    (
        'LSMP discussions do not translate into development of deliverable actions',
        ('Accurate note taken of each meeting with actions noted, including clear ownership and '
         'deadlines\n'
         'Workplan development focused on outcomes and project owners\n'
         'Ensure right membership round the table to make decisions and take actions forward'),
        2, 2,
    ),
    (
        'COVID-19 related measures hinders effectiveness of LSMP, MRAP and LAG by prohibiting '
        'face-to-face meetings',
        ('Virtual meetings set up to enable these meetings to happen remotely\n'
         'Consult with members on best way to deliver these meetings in advance'),
        2, 2,
    ),
    (
        'Building meaningful links with boroughs and other regional mechanisms on issues related '
        'to refugee and asylum',
        ('Pre-meet with London Councils, ALDCS, Asylum Seekers Consortium and Housing Director '
         'representatives to plan future involvement at the LSMP and build a relationship that '
         'adds regional capacity\n'
         'Continue to develop membership of LSMP, MRAP LAG as necessary'),
        2, 2,
    ),
    (
        'Concerns of local councils involved in resettlement not conveyed to policy '
        'decision-makers',
        ('Resettlement and ESOL lead to meet regularly with local council lead officers, and '
         'develop strong networks and relationships with local government\n'
         'Resettlement and ESOL leads to attend LSMP and MRAP to ensure local authority feedback '
         'is voiced and recognised.'),
        2, 2,
    ),
]

# (activity, timeline) as the form gives them.
MILESTONES = [
    ('LSMP Workplan Approved by LSMP', 'July 2020'),
    ('Delivery Start Date', 'Ongoing work'),
    ('Delivery End Date', 'Ongoing work'),
]

SIGNED_DOCUMENT_TITLE = 'MD2628 London Strategic Migration Partnership 2020-21 - SIGNED'
APPENDIX_TITLES = ['MD2628 Appendix A - Home Office Letter']
