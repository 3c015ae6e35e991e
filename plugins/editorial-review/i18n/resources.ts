/**
 * English strings of the plugin; keys are shared with the German bundle. The pure
 * module (rules, gate, decisions) builds its English messages from this table too, so
 * it must stay free of Studio imports. Templates use i18next syntax: `{{name}}` for a
 * value, `$t(key)` to include another key's sentence (so no sentence is written twice).
 */
export const enUS = {
  'action.approve': 'Approve',
  'action.approve.dialog-title': 'Approve this third-party copy',
  'action.approve.note-label': 'Note (optional)',
  'action.request-changes': 'Request changes',
  'action.request-changes.dialog-title': 'Request changes',
  'action.request-changes.note-label': 'Which changes are needed?',
  'action.reject': 'Reject',
  'action.reject.dialog-title': 'Reject this copy',
  'action.reject.note-label': 'Why is it rejected?',
  'action.reopen': 'Reopen review',
  'action.reopen.dialog-title': 'Reopen the review',
  'action.reopen.note-label': 'Note (optional)',
  'action.confirm': 'Confirm',
  'action.cancel': 'Cancel',
  'action.failed': 'The decision could not be recorded: {{error}}',
  'action.not-reviewer': 'Only reviewers ({{roles}}) can decide on third-party copy.',
  'action.sign-in': 'Sign in as yourself to decide: a decision records who made it.',
  'action.publish-blocked': 'Publishing is blocked: {{reasons}}',
  'badge.needsReview': 'Third-party · needs review',
  'badge.approved': 'Approved',
  'badge.approvalOutdated': 'Approval outdated',
  'badge.changesRequested': 'Changes requested',
  'badge.rejected': 'Rejected',
  'panel.title': 'Editorial review',
  'panel.third-party': 'This is third-party copy. It needs a reviewer’s approval before it can be published.',
  'panel.own-copy': 'No third-party markers found.',
  'panel.publish-ok': 'Ready to publish.',
  'panel.checking': 'Checking the copy…',
  'panel.evidence-in': 'in {{field}}',
  'panel.show-passage': 'Show passage',
  'panel.trail': 'Audit trail',
  'panel.trail-empty': 'No decisions yet.',
  'panel.decision': '{{action}} by {{user}}',
  'severity.blocker': 'Blocks publication',
  'severity.warning': 'Warning',
  'severity.info': 'Info',
  'field.title': 'title',
  'field.body': 'body',
  'field.source': 'original text',
  'field.distributor': 'distributor',
  'field.other': '{{path}}',
  'decision.approve': 'Approved',
  'decision.requestChanges': 'Changes requested',
  'decision.reject': 'Rejected',
  'decision.reopen': 'Reopened',
  'queue.title': 'Review queue',
  'queue.needs-review': 'Needs review',
  'queue.changes-requested': 'Changes requested',
  'queue.approved-unpublished': 'Approved, not yet published',
  'queue.rejected': 'Rejected',
  'validation.gate': 'Not publishable yet: {{reasons}}',
  // Findings, one key per rule (and per variant where a rule says different things).
  'finding.distributorDatelineTag':
    '“{{tag}}” marks this as {{wire}} copy from a distributor. Third-party copy must be approved by a reviewer before it is published.',
  'finding.distributorDisclaimer':
    "{{distributor}}'s third-party disclaimer: this copy was distributed by {{distributor}}. Publish it with the distributor's disclaimer attached.",
  'finding.distributorBoilerplate.inBody':
    "Remove {{distributor}}'s boilerplate from the body: it advertises the distributor, not the story.",
  'finding.distributorBoilerplate.inSource':
    "{{distributor}}'s boilerplate is in the copy as received, not in the body: evidence this copy was distributed by {{distributor}}; nothing to remove.",
  'finding.agencyCopy':
    '“{{passage}}” credits {{agency}} ({{agencyCode}}): this is agency copy, third-party even with no distributor set. A reviewer must approve it before it is published.',
  'finding.agencyCredit':
    "This distributed copy credits {{agency}} ({{agencyCode}}): a rights question. Confirm the newsroom's licence for {{agencyCode}} copy before approving.",
  'finding.distributorReference':
    'Distributed by {{distributor}}: third-party copy must be approved by a reviewer before it is published.',
  'finding.missingDisclaimer':
    "Third-party copy needs a disclaimer: choose the distributor's disclaimer in the Disclaimer field before publishing.",
  'finding.distributorLink': 'Links to {{distributor}} in the body: remove them, or point them at the original source.',
  'finding.languageMismatch':
    'The language is set to “{{declared}}” but the body reads as “{{detected}}”: correct the Language field, or check the copy is the version you meant to publish.',
  // Reuse of imported releases in the newsroom's own copy (rules/releaseReuse.ts).
  'finding.releaseReuse':
    '{{coverage}} of this copy comes from {{sources}}: third-party-derived. Credit the source in Source credits (the release and a label readers see), or have a reviewer approve it.',
  'finding.releaseReuse.noted':
    '{{coverage}} of this copy matches {{sources}}, below the newsroom’s threshold of {{threshold}} or credited: nothing to do.',
  // The publish gate's reasons; `.canApprove` is the advice for someone who may approve it themselves.
  'gate.pending.canApprove': 'Third-party copy must be approved before it is published: review it and approve it.',
  'gate.pending.askReviewer': 'Third-party copy must be approved before it is published: ask a reviewer to approve it.',
  'gate.approvalOutdated': 'The approval is outdated: the content changed after it was approved.',
  'gate.approvalOutdated.canApprove': '$t(gate.approvalOutdated) Review and approve the current version.',
  'gate.approvalOutdated.askReviewer': '$t(gate.approvalOutdated) Ask a reviewer to approve the current version.',
  'gate.changesRequested': 'A reviewer requested changes: make them and ask for a new review.',
  'gate.changesRequested.withNote': '$t(gate.changesRequested) $t(gate.note)',
  'gate.rejected': 'A reviewer rejected this copy: it cannot be published unless a reviewer reopens it.',
  'gate.rejected.withNote': '$t(gate.rejected) $t(gate.note)',
  'gate.note': 'Their note: “{{note}}”',
  // Why a decision is refused. A move the state machine does not allow has one sentence per action and status.
  'refusal.notReviewer': 'Only reviewers ({{roles}}) can decide on third-party copy; ask one to review it.',
  'refusal.noteRequired.requestChanges': 'Add a note saying which changes are needed.',
  'refusal.noteRequired.reject': 'Add a note saying why the copy is rejected.',
  'refusal.fourEyes': 'You edited this copy last, and the four-eyes rule applies: another reviewer must approve it.',
  'refusal.signIn': 'A review decision needs a signed-in reviewer: sign in as yourself to decide.',
  'refusal.notAllowed.approve.approved': 'You cannot approve copy that is approved.',
  'refusal.notAllowed.approve.rejected': 'You cannot approve copy that is rejected.',
  'refusal.notAllowed.requestChanges.rejected': 'You cannot request changes to copy that is rejected.',
  'refusal.notAllowed.reject.rejected': 'You cannot reject copy that is rejected.',
  'refusal.notAllowed.reopen.pending': 'You cannot reopen copy that is waiting for review.',
  'refusal.invalidTime': 'The decision time is not a valid date.',
  // The reuse panel (components/ReusePanel.tsx).
  'reuse.title': 'Text from press releases',
  'reuse.summary': '{{coverage}} of this copy matches imported press releases; the newsroom’s threshold is {{threshold}}.',
  'reuse.source': '{{coverage}} from “{{title}}”',
  'reuse.credited': 'Credited',
  'reuse.open-release': 'Open the release',
  'reuse.article-side': 'In this article',
  'reuse.source-side': 'In the release',
} as const

export type ReviewResourceKey = keyof typeof enUS

/** German strings; every English key has a translation. */
export const deDE: Record<ReviewResourceKey, string> = {
  'action.approve': 'Freigeben',
  'action.approve.dialog-title': 'Diesen Fremdinhalt freigeben',
  'action.approve.note-label': 'Notiz (optional)',
  'action.request-changes': 'Änderungen anfordern',
  'action.request-changes.dialog-title': 'Änderungen anfordern',
  'action.request-changes.note-label': 'Welche Änderungen sind nötig?',
  'action.reject': 'Ablehnen',
  'action.reject.dialog-title': 'Diesen Text ablehnen',
  'action.reject.note-label': 'Warum wird er abgelehnt?',
  'action.reopen': 'Prüfung wieder öffnen',
  'action.reopen.dialog-title': 'Prüfung wieder öffnen',
  'action.reopen.note-label': 'Notiz (optional)',
  'action.confirm': 'Bestätigen',
  'action.cancel': 'Abbrechen',
  'action.failed': 'Die Entscheidung konnte nicht gespeichert werden: {{error}}',
  'action.not-reviewer': 'Nur Prüfende ({{roles}}) können über Fremdinhalte entscheiden.',
  'action.sign-in':
    'Melden Sie sich mit Ihrem eigenen Konto an, um zu entscheiden: Jede Entscheidung hält fest, wer sie getroffen hat.',
  'action.publish-blocked': 'Veröffentlichen ist gesperrt: {{reasons}}',
  'badge.needsReview': 'Fremdinhalt · Prüfung nötig',
  'badge.approved': 'Freigegeben',
  'badge.approvalOutdated': 'Freigabe veraltet',
  'badge.changesRequested': 'Änderungen angefordert',
  'badge.rejected': 'Abgelehnt',
  'panel.title': 'Redaktionelle Prüfung',
  'panel.third-party': 'Dies ist ein Fremdinhalt. Er muss vor der Veröffentlichung freigegeben werden.',
  'panel.own-copy': 'Keine Hinweise auf Fremdinhalte gefunden.',
  'panel.publish-ok': 'Bereit zur Veröffentlichung.',
  'panel.checking': 'Der Text wird geprüft …',
  'panel.evidence-in': 'in {{field}}',
  'panel.show-passage': 'Stelle zeigen',
  'panel.trail': 'Prüfprotokoll',
  'panel.trail-empty': 'Noch keine Entscheidungen.',
  'panel.decision': '{{action}} von {{user}}',
  'severity.blocker': 'Blockiert die Veröffentlichung',
  'severity.warning': 'Warnung',
  'severity.info': 'Hinweis',
  'field.title': 'Titel',
  'field.body': 'Text',
  'field.source': 'Originaltext',
  'field.distributor': 'Verteiler',
  'field.other': '{{path}}',
  'decision.approve': 'Freigegeben',
  'decision.requestChanges': 'Änderungen angefordert',
  'decision.reject': 'Abgelehnt',
  'decision.reopen': 'Wieder geöffnet',
  'queue.title': 'Prüfwarteschlange',
  'queue.needs-review': 'Prüfung nötig',
  'queue.changes-requested': 'Änderungen angefordert',
  'queue.approved-unpublished': 'Freigegeben, noch nicht veröffentlicht',
  'queue.rejected': 'Abgelehnt',
  'validation.gate': 'Noch nicht veröffentlichbar: {{reasons}}',
  'finding.distributorDatelineTag':
    '„{{tag}}“ weist den Text als Verteilermeldung von {{wire}} aus. Fremdinhalte müssen vor der Veröffentlichung von Prüfenden freigegeben werden.',
  'finding.distributorDisclaimer':
    'Fremdinhalt-Hinweis von {{distributor}}: Dieser Text wurde über {{distributor}} verbreitet. Veröffentlichen Sie ihn mit dem Disclaimer des Verteilers.',
  'finding.distributorBoilerplate.inBody':
    'Entfernen Sie den Werbetext von {{distributor}} aus dem Text: Er wirbt für den Verteiler, nicht für die Meldung.',
  'finding.distributorBoilerplate.inSource':
    'Der Werbetext von {{distributor}} steht im Originaltext, nicht im Text: ein Beleg, dass die Meldung über {{distributor}} verbreitet wurde; nichts zu entfernen.',
  'finding.agencyCopy':
    '„{{passage}}“ nennt {{agency}} ({{agencyCode}}) als Urheber: Das ist Agenturmaterial, ein Fremdinhalt auch ohne Verteiler. Prüfende müssen ihn vor der Veröffentlichung freigeben.',
  'finding.agencyCredit':
    'Dieser verbreitete Text nennt {{agency}} ({{agencyCode}}) als Quelle: eine Rechtefrage. Klären Sie vor der Freigabe, ob die Redaktion eine Lizenz für {{agencyCode}}-Material hat.',
  'finding.distributorReference':
    'Verbreitet über {{distributor}}: Fremdinhalte müssen vor der Veröffentlichung von Prüfenden freigegeben werden.',
  'finding.missingDisclaimer':
    'Fremdinhalte brauchen einen Disclaimer: Wählen Sie vor der Veröffentlichung im Feld „Disclaimer“ den Disclaimer des Verteilers.',
  'finding.distributorLink':
    'Links zu {{distributor}} im Text: Entfernen Sie sie oder lassen Sie sie auf die Originalquelle verweisen.',
  'finding.languageMismatch':
    'Als Sprache ist „{{declared}}“ eingestellt, der Text ist aber in „{{detected}}“ geschrieben: Korrigieren Sie das Feld „Language“ oder prüfen Sie, ob dies die Fassung ist, die Sie veröffentlichen wollten.',
  'finding.releaseReuse':
    '{{coverage}} dieses Textes stammen aus {{sources}}: aus Fremdinhalt übernommen. Nennen Sie die Quelle unter „Quellenangaben“ (die Meldung und eine Angabe für die Leser) oder lassen Sie den Text von Prüfenden freigeben.',
  'finding.releaseReuse.noted':
    '{{coverage}} dieses Textes stimmen mit {{sources}} überein, unter der Schwelle der Redaktion von {{threshold}} oder mit Quellenangabe: nichts zu tun.',
  'gate.pending.canApprove':
    'Fremdinhalte müssen vor der Veröffentlichung freigegeben werden: Prüfen Sie den Text und geben Sie ihn frei.',
  'gate.pending.askReviewer':
    'Fremdinhalte müssen vor der Veröffentlichung freigegeben werden: Bitten Sie Prüfende um die Freigabe.',
  'gate.approvalOutdated': 'Die Freigabe ist veraltet: Der Inhalt wurde nach der Freigabe geändert.',
  'gate.approvalOutdated.canApprove': '$t(gate.approvalOutdated) Prüfen Sie die aktuelle Fassung und geben Sie sie frei.',
  'gate.approvalOutdated.askReviewer': '$t(gate.approvalOutdated) Bitten Sie Prüfende, die aktuelle Fassung freizugeben.',
  'gate.changesRequested':
    'Bei der Prüfung wurden Änderungen angefordert: Nehmen Sie sie vor und bitten Sie um eine neue Prüfung.',
  'gate.changesRequested.withNote': '$t(gate.changesRequested) $t(gate.note)',
  'gate.rejected':
    'Der Text wurde bei der Prüfung abgelehnt: Er kann erst veröffentlicht werden, wenn Prüfende die Prüfung wieder öffnen.',
  'gate.rejected.withNote': '$t(gate.rejected) $t(gate.note)',
  'gate.note': 'Notiz der Prüfung: „{{note}}“',
  'refusal.notReviewer':
    'Nur Prüfende ({{roles}}) können über Fremdinhalte entscheiden; bitten Sie jemanden aus diesem Kreis um die Prüfung.',
  'refusal.noteRequired.requestChanges': 'Geben Sie in der Notiz an, welche Änderungen nötig sind.',
  'refusal.noteRequired.reject': 'Geben Sie in der Notiz an, warum der Text abgelehnt wird.',
  'refusal.signIn': 'Eine Prüfentscheidung braucht angemeldete Prüfende: Melden Sie sich mit Ihrem eigenen Konto an.',
  'refusal.fourEyes':
    'Sie haben den Text zuletzt bearbeitet, und es gilt das Vier-Augen-Prinzip: Andere Prüfende müssen ihn freigeben.',
  'refusal.notAllowed.approve.approved': 'Der Text ist bereits freigegeben.',
  'refusal.notAllowed.approve.rejected': 'Ein abgelehnter Text kann nicht freigegeben werden.',
  'refusal.notAllowed.requestChanges.rejected': 'Für einen abgelehnten Text können keine Änderungen angefordert werden.',
  'refusal.notAllowed.reject.rejected': 'Der Text ist bereits abgelehnt.',
  'refusal.notAllowed.reopen.pending': 'Ein Text, der auf die Prüfung wartet, kann nicht wieder geöffnet werden.',
  'refusal.invalidTime': 'Der Zeitpunkt der Entscheidung ist kein gültiges Datum.',
  'reuse.title': 'Text aus Pressemitteilungen',
  'reuse.summary':
    '{{coverage}} dieses Textes stimmen mit importierten Pressemitteilungen überein; die Schwelle der Redaktion liegt bei {{threshold}}.',
  'reuse.source': '{{coverage}} aus „{{title}}“',
  'reuse.credited': 'Quelle genannt',
  'reuse.open-release': 'Meldung öffnen',
  'reuse.article-side': 'In diesem Artikel',
  'reuse.source-side': 'In der Meldung',
}
