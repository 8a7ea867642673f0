#!/usr/bin/env bash
# A one-node SLURM cluster on this machine, for the job-array test (test/slurm) and for trying
# `talentsim sbatch` locally. It installs Debian's slurm-wlm and munge when they are missing and keeps its
# configuration, keys, state and logs in its own directory: nothing is written under /etc/slurm or
# /etc/munge, and the system's own munged (if any) is left alone.
#
#   scripts/slurm/cluster.sh start    install if needed; start munged, slurmctld, slurmd; wait for an idle node
#   scripts/slurm/cluster.sh status   exit 0 and print sinfo if the cluster is up, exit 1 if not
#   scripts/slurm/cluster.sh stop     cancel its jobs, stop the daemons it started, remove its directory
#   scripts/slurm/cluster.sh env      print the `export SLURM_CONF=...` that client commands need
#
# Client commands (sbatch, squeue, sinfo, scontrol) find this cluster through SLURM_CONF=$DIR/slurm.conf:
#   eval "$(scripts/slurm/cluster.sh env)"; sinfo
# Every command is idempotent: `start` on a running cluster only reports it, `stop` on none does nothing.
#
# Environment: TALENTSIM_SLURM_DIR  state directory (default /tmp/talentsim-slurm)
#              TALENTSIM_SLURM_PORT slurmctld port (default 6817); slurmd listens on the next port
# Needs root (the daemons run as root, munged as the munge user; no systemd needed).
# Exit codes: 0 done; 1 the cluster failed to start (the daemons' log tails are printed);
#             3 it cannot run here (not root, or the packages are missing and cannot be installed).
set -euo pipefail

DIR=${TALENTSIM_SLURM_DIR:-/tmp/talentsim-slurm}
PORT=${TALENTSIM_SLURM_PORT:-6817}
CONF=$DIR/slurm.conf
MUNGE_DIR=$DIR/munge
MUNGE_SOCKET=$MUNGE_DIR/munge.socket
export SLURM_CONF=$CONF

say() { printf 'slurm cluster: %s\n' "$*" >&2; }
cannot() { say "$*"; exit 3; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The pid in a pid file if that process is alive and runs the expected program, else nothing.
live_pid() {
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 0
  pid=$(tr -dc 0-9 <"$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$name" ] && echo "$pid"
  return 0
}

daemons_up() {
  [ -n "$(live_pid "$MUNGE_DIR/munged.pid" munged)" ] &&
    [ -n "$(live_pid "$DIR/slurmctld.pid" slurmctld)" ] &&
    [ -n "$(live_pid "$DIR/slurmd.pid" slurmd)" ]
}

node_state() { sinfo -h -N -o '%T' 2>/dev/null | head -n 1; }

install_packages() {
  local missing=()
  command -v munged >/dev/null || missing+=(munge)
  { command -v slurmctld && command -v slurmd && command -v sbatch; } >/dev/null || missing+=(slurm-wlm)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || cannot "${missing[*]} not installed and no apt-get to install them"
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the packages' init scripts from starting system-wide daemons during the installation.
  local policy=/usr/sbin/policy-rc.d own_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  local ok=1
  apt-get install -y --no-install-recommends "${missing[@]}" >"$DIR/apt.log" 2>&1 ||
    { apt-get update >>"$DIR/apt.log" 2>&1 && apt-get install -y --no-install-recommends "${missing[@]}" >>"$DIR/apt.log" 2>&1; } ||
    ok=
  [ -n "$own_policy" ] && rm -f "$policy"
  if [ -z "$ok" ]; then
    tail -n 5 "$DIR/apt.log" >&2
    cannot "could not install ${missing[*]} (see $DIR/apt.log)"
  fi
}

write_config() {
  local host node
  host=$(hostname -s)
  node=$(slurmd -C | head -n 1)
  case $node in NodeName=*) ;; *) say "unexpected output of slurmd -C: $node"; exit 1 ;; esac
  cat >"$CONF.tmp" <<EOF
# One-node test cluster written by scripts/slurm/cluster.sh (state, logs and munge socket in $DIR).
ClusterName=talentsim
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
StateSaveLocation=$DIR/ctld
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
MinJobAge=5
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$CONF.tmp" "$CONF"
}

start_munge() {
  install -d -o munge -g munge -m 0711 "$MUNGE_DIR"
  if [ ! -s "$MUNGE_DIR/munge.key" ]; then
    dd if=/dev/urandom of="$MUNGE_DIR/munge.key" bs=1024 count=1 status=none
    chown munge:munge "$MUNGE_DIR/munge.key"
    chmod 0400 "$MUNGE_DIR/munge.key"
  fi
  runuser -u munge -- munged --key-file="$MUNGE_DIR/munge.key" --socket="$MUNGE_SOCKET" \
    --pid-file="$MUNGE_DIR/munged.pid" --log-file="$MUNGE_DIR/munged.log" --seed-file="$MUNGE_DIR/munged.seed" \
    </dev/null >>"$DIR/log/daemons.out" 2>&1
}

failed() {
  say "$*"
  local f
  for f in "$MUNGE_DIR/munged.log" "$DIR/log/daemons.out" "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log"; do
    [ -s "$f" ] && { printf -- '--- %s\n' "$f" >&2; tail -n 15 "$f" >&2; }
  done
  exit 1
}

cmd_start() {
  [ "$(id -u)" -eq 0 ] || cannot "needs root (the daemons run as root and munged as the munge user)"
  if daemons_up && [ "$(node_state)" = idle ]; then
    say "already running ($CONF)"
    return 0
  fi
  cmd_stop quiet
  local t0
  t0=$(now)
  install -d -m 0755 "$DIR"
  install -d -m 0755 "$DIR/ctld" "$DIR/spool" "$DIR/log"
  install_packages
  local t1
  t1=$(now)
  write_config
  start_munge || failed "munged did not start"
  # Both daemons put themselves in the background once started; their stdio goes to a log, not to the caller.
  slurmctld -f "$CONF" </dev/null >>"$DIR/log/daemons.out" 2>&1 || failed "slurmctld did not start"
  slurmd -f "$CONF" </dev/null >>"$DIR/log/daemons.out" 2>&1 || failed "slurmd did not start"
  local state='' i
  for i in $(seq 1 300); do
    state=$(node_state)
    [ "$state" = idle ] && break
    sleep 0.1
  done
  [ "$state" = idle ] || failed "the node is not idle after 30 s (state: ${state:-no answer}; $(sinfo -h -N -o '%E' 2>/dev/null))"
  say "up in $(since "$t0") s (daemons to idle node: $(since "$t1") s); export SLURM_CONF=$CONF"
}

cmd_stop() {
  local quiet=${1:-} pids=() name file pid jobs
  if daemons_up; then
    jobs=$(squeue -h -o '%A' 2>/dev/null | tr '\n' ' ')
    # shellcheck disable=SC2086 # one job id per word
    [ -n "${jobs// /}" ] && scancel $jobs 2>/dev/null || true
  fi
  for name in slurmd slurmctld munged; do
    case $name in munged) file=$MUNGE_DIR/munged.pid ;; *) file=$DIR/$name.pid ;; esac
    pid=$(live_pid "$file" "$name")
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; pids+=("$pid"); }
    # slurmd first: it must not lose its controller while cancelling job steps.
    [ "$name" = slurmd ] && [ -n "$pid" ] && wait_gone "$pid"
  done
  for pid in "${pids[@]}"; do wait_gone "$pid"; done
  if [ -f "$CONF" ] || [ -d "$MUNGE_DIR" ]; then
    # Only what start created, so a state directory given by the caller survives as it was given.
    rm -rf "$CONF" "$MUNGE_DIR" "$DIR/ctld" "$DIR/spool" "$DIR/log" "$DIR/apt.log" "$DIR"/slurm*.pid
    rmdir "$DIR" 2>/dev/null || true
    [ -n "$quiet" ] || say "stopped; cleaned $DIR"
  elif [ -z "$quiet" ]; then
    say "not running"
  fi
}

# Waits up to 10 s for a process to exit after SIGTERM, then kills it.
wait_gone() {
  local i
  for i in $(seq 1 100); do
    [ -d "/proc/$1" ] || return 0
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
}

cmd_status() {
  if daemons_up && sinfo >&2; then
    say "up ($CONF)"
    return 0
  fi
  say "not running"
  return 1
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) printf 'export SLURM_CONF=%q\n' "$CONF" ;;
  *)
    echo "usage: $0 start|stop|status|env   (state in \${TALENTSIM_SLURM_DIR:-/tmp/talentsim-slurm})" >&2
    exit 2
    ;;
esac
