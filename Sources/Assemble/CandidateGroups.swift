/// The candidates of one kind (companies, or open clinical needs) arranged so that a posting's best
/// few are found without scoring every candidate: grouped by their tech areas, then by their
/// clinical areas, and within a group ordered by the most the rest of a score can add
/// (`MatchProfile.restBound`). Shared tech and clinical areas are known per group, so a whole group,
/// or the tail of one, is skipped once it cannot beat (or tie) the worst of the best found so far.
///
/// The result is exactly `MatchingIndex.top`'s over all candidates: the bounds only skip
/// candidates whose score is provably lower than that of every one kept.
struct CandidateGroups: Sendable {
  struct Group: Sendable {
    var tech: UInt64
    var subgroups: [Subgroup]
  }

  struct Subgroup: Sendable {
    var clinical: UInt64
    /// The highest `restBound` of its members.
    var maxRest: Double
    /// Positions in `pages`/`rests`/`ranks`, highest `restBound` first.
    var members: [Int]
  }

  let groups: [Group]
  /// Per position: the candidate's page index, its `restBound`, and its place in the tie order.
  let pages: [Int]
  let rests: [Double]
  let ranks: [Int]

  /// `candidates` are page indices with a profile; `rank` is each one's place in the tie order.
  init(candidates: [Int], profiles: [MatchProfile?], rank: (Int) -> Int, rest: (MatchProfile) -> Double) {
    var pages: [Int] = []
    var rests: [Double] = []
    var ranks: [Int] = []
    var tech: [UInt64] = []
    var clinical: [UInt64] = []
    for page in candidates {
      guard profiles.indices.contains(page), let profile = profiles[page] else { continue }
      pages.append(page)
      rests.append(rest(profile))
      ranks.append(rank(page))
      tech.append(profile.tech)
      clinical.append(profile.clinical)
    }
    // Groups in order of first appearance, so the arrangement is deterministic.
    var groupOf: [UInt64: Int] = [:]
    var members: [[Int]] = []
    var groupTech: [UInt64] = []
    for position in pages.indices {
      if let group = groupOf[tech[position]] {
        members[group].append(position)
      } else {
        groupOf[tech[position]] = members.count
        members.append([position])
        groupTech.append(tech[position])
      }
    }
    groups = zip(groupTech, members).map { bits, positions in
      var subgroupOf: [UInt64: Int] = [:]
      var subgroups: [Subgroup] = []
      for position in positions {
        if let subgroup = subgroupOf[clinical[position]] {
          subgroups[subgroup].members.append(position)
          subgroups[subgroup].maxRest = max(subgroups[subgroup].maxRest, rests[position])
        } else {
          subgroupOf[clinical[position]] = subgroups.count
          subgroups.append(Subgroup(clinical: clinical[position], maxRest: rests[position], members: [position]))
        }
      }
      for index in subgroups.indices {
        subgroups[index].members.sort { rests[$0] != rests[$1] ? rests[$0] > rests[$1] : ranks[$0] < ranks[$1] }
      }
      return Group(tech: bits, subgroups: subgroups)
    }
    self.pages = pages
    self.rests = rests
    self.ranks = ranks
  }

  /// The `limit` best candidates for a posting with these tech and clinical bits, best first (higher
  /// score, then lower rank). `cap` is the most the rest of a score can add for this posting;
  /// `score` gives a candidate's exact score, nil when it is not a match, and must never exceed
  /// `techWeight` per shared tech area plus `clinicalWeight` per shared clinical area plus the lower
  /// of the candidate's `restBound` and `cap`. `skip` leaves out a page (another version of the
  /// posting itself).
  func best(
    _ limit: Int, tech subjectTech: UInt64, clinical subjectClinical: UInt64, cap: Double,
    skip: (Int) -> Bool, score: (Int) -> Double?
  ) -> [Int] {
    guard limit > 0 else { return [] }
    typealias W = MatchingWeights
    // Groups by how many tech areas they share with the posting, most first.
    var byShared = [[Int]](repeating: [], count: subjectTech.nonzeroBitCount + 1)
    for (index, group) in groups.enumerated() {
      byShared[(group.tech & subjectTech).nonzeroBitCount].append(index)
    }
    let clinicalMost = W.clinicalArea * Double(subjectClinical.nonzeroBitCount)
    var best: [(score: Double, rank: Int, page: Int)] = []
    /// Whether a candidate scoring at most `bound` can still enter the list.
    func hopeless(_ bound: Double) -> Bool {
      best.count == limit && bound < best[best.count - 1].score
    }
    for shared in byShared.indices.reversed() {
      let techScore = W.techArea * Double(shared)
      if hopeless(techScore + clinicalMost + cap) { break }
      for group in byShared[shared] {
        for subgroup in groups[group].subgroups {
          let sharedClinical = (subgroup.clinical & subjectClinical).nonzeroBitCount
          guard shared > 0 || sharedClinical > 0 else { continue }
          let base = techScore + W.clinicalArea * Double(sharedClinical)
          if hopeless(base + min(subgroup.maxRest, cap)) { continue }
          for position in subgroup.members {
            if hopeless(base + min(rests[position], cap)) { break }
            let page = pages[position]
            guard let value = score(page), !skip(page) else { continue }
            let entry = (score: value, rank: ranks[position], page: page)
            let at = best.firstIndex { value > $0.score || (value == $0.score && entry.rank < $0.rank) } ?? best.count
            guard at < limit else { continue }
            best.insert(entry, at: at)
            if best.count > limit { best.removeLast() }
          }
        }
      }
    }
    return best.map(\.page)
  }
}
