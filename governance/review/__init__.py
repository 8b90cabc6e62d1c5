"""The monthly review: KPIs against targets, responses against SLAs, content against the policy."""
