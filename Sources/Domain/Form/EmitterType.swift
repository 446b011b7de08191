/// Who the emitter of a BSD is.
public enum EmitterType: String, CaseIterable, Sendable, JSONStringEnum {
    /// The producer of the waste.
    case producer = "PRODUCER"
    /// Another holder.
    case other = "OTHER"
    /// The container BSD of an annexe-1 collection round.
    case appendix1 = "APPENDIX1"
    /// One producer's item in an annexe-1 collection round.
    case appendix1Producer = "APPENDIX1_PRODUCER"
    /// A regroupement BSD carrying annexe-2 initial BSDs.
    case appendix2 = "APPENDIX2"
}
