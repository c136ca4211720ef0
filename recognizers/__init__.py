"""sarpack's detection: UK recognizers, case-aware parties, NER, allow/deny lists."""
from recognizers.analyzer import CaseAnalyzer, DetectSettings, ModelNotFoundError, build_analyzer

__all__ = ["build_analyzer", "CaseAnalyzer", "DetectSettings", "ModelNotFoundError"]
