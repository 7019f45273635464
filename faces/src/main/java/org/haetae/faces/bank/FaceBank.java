package org.haetae.faces.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A named set of enrolled people. Immutable; changes return a new bank to be saved. */
public record FaceBank(String name, List<EnrolledPerson> people) {
  public FaceBank {
    people = List.copyOf(people);
  }

  public Optional<EnrolledPerson> person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Adds the person, or adds her new templates when she is already enrolled under that id. */
  public FaceBank with(EnrolledPerson person) {
    List<EnrolledPerson> out = new ArrayList<>();
    boolean merged = false;
    for (EnrolledPerson p : people) {
      if (p.id().equals(person.id())) {
        List<EnrolledFace> faces = new ArrayList<>(p.faces());
        faces.addAll(person.faces());
        out.add(new EnrolledPerson(p.id(), p.label(), person.consent(), p.enrolledAt(), faces));
        merged = true;
      } else {
        out.add(p);
      }
    }
    if (!merged) {
      out.add(person);
    }
    return new FaceBank(name, out);
  }

  public FaceBank without(String personId) {
    return new FaceBank(name, people.stream().filter(p -> !p.id().equals(personId)).toList());
  }

  /** Number of templates across people. */
  public int templates() {
    return people.stream().mapToInt(p -> p.faces().size()).sum();
  }
}
