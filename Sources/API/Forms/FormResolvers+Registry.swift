import Domain
import Identity

extension FormResolvers {
    /// The registry profiles of the companies `content` names, for the checks the domain runs
    /// when sealing: a company missing here is reported as not registered. Our accounts do not
    /// record waste sub-profiles yet, so a destination is taken to accept both kinds of waste.
    func registryProfiles(
        _ content: FormContent
    ) throws(APIError) -> [String: Domain.CompanyProfile] {
        var profiles: [String: Domain.CompanyProfile] = [:]
        for orgId in FormAccess.namedInOrder(content) {
            let record = try IdentityResolvers.identityValue { () throws(IdentityError) in
                try identity.queries.company(orgId)
            }
            guard let record else { continue }
            let kinds = record.profile.companyTypes.compactMap {
                Domain.CompanyProfile.Kind(rawValue: $0.rawValue)
            }
            var profile = Domain.CompanyProfile(kinds: Set(kinds))
            profile.acceptsDangerousWaste = true
            profile.acceptsNonDangerousWaste = true
            profiles[orgId] = profile
        }
        return profiles
    }
}
