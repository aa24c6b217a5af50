/**
 * Walk-ins: patients without an appointment, registered by the front desk during the day (the kiosk limits walk-in
 * registrations per real minute, which a sped-up day would hit), seen by the next free provider.
 */
import { randomUUID } from 'node:crypto';
import { reasonCategories, reasonCategoryKeys, visitKind } from '@clinicflow/domain';
import type { CheckInResult } from '@clinicflow/contracts';
import { waitFor } from '../client';
import { afterCheckIn, WAIT_MS, type Sim } from './actors';
import { formatClock, type Patient } from './clinic-day';

const firstNames = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun'];
const lastNames = ['Walker', 'Inman', 'Novak', 'Quinn', 'Ortiz', 'Yusuf', 'Keller', 'Moreau'];

/** `count` walk-ins spread over the day (from an hour after opening to the last appointment). */
export function scheduleWalkIns(sim: Sim, count: number): void {
  const { clock, rng, tally } = sim;
  const times = Array.from({ length: count }, () =>
    rng.uniform(clock.startMin + 60, Math.max(clock.startMin + 90, clock.lastMin)),
  ).sort((a, b) => a - b);
  for (const [i, when] of times.entries()) {
    const reasonCategory = rng.pick(reasonCategoryKeys);
    const person = {
      firstName: rng.pick(firstNames),
      lastName: `${rng.pick(lastNames)}-${i + 1}`,
      dateOfBirth: `19${50 + Math.floor(rng.next() * 50)}-0${1 + Math.floor(rng.next() * 9)}-1${Math.floor(rng.next() * 9)}`,
      phone: '555 010 2030',
    };
    const takes = rng.uniform(2, 4); // the desk takes name, birthday and phone
    clock.at(when + takes, async () => {
      tally.commands++;
      const result = await sim.consoleSocket.timeout(WAIT_MS).emitWithAck('command', {
        commandId: randomUUID(),
        type: 'RegisterWalkIn',
        ...person,
        reasonCategory,
      });
      if (!result.ok) {
        tally.refused++;
        sim.log(`${formatClock(clock.now())} walk-in refused: ${result.code} ${result.message}`);
        return;
      }
      const { visitId } = result.result as CheckInResult;
      const p: Patient = {
        visitId,
        lastName: person.lastName,
        dateOfBirth: person.dateOfBirth,
        providerId: '',
        scheduledMin: when,
        kind: visitKind({ reason: reasonCategories[reasonCategory].en }),
        walkIn: true,
        phase: 'expected',
        arrivedMin: when,
        waitingSince: null,
        readySince: null,
        roomId: null,
        calledMin: null,
        inRoomMin: null,
        waitMin: null,
        inClinicMin: null,
        callableAt: 0,
        retryAt: 0,
      };
      sim.patients.push(p);
      tally.walkIns++;
      await waitFor(() => sim.seq() >= result.seq, `console event ${result.seq}`);
      afterCheckIn(sim, p);
    });
  }
}
