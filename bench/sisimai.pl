#!/usr/bin/env perl
# Sisimai's in-process speed over the same files, for the ratio `npm run bench` prints.
# Needs Sisimai (Debian: apt-get install libsisimai-perl). Prints one JSON line.
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);

my $dir = shift or die "usage: sisimai.pl DIR\n";
opendir(my $dh, $dir) or die "$dir: $!\n";
my @files = sort grep { -f "$dir/$_" } readdir($dh);
closedir $dh;
my ($bytes, @mails) = (0);
for my $f (@files) {
    open(my $fh, '<:raw', "$dir/$f") or die "$f: $!\n";
    local $/;
    my $d = <$fh>;
    close $fh;
    push @mails, $d;
    $bytes += length $d;
}
for my $d (@mails) { Sisimai->make(\$d, 'delivered' => 1, 'vacation' => 1) }    # warm-up
my @t;
for my $round (1 .. 5) {
    my $t0 = time;
    for my $d (@mails) { Sisimai->make(\$d, 'delivered' => 1, 'vacation' => 1) }
    push @t, time - $t0;
}
@t = sort { $a <=> $b } @t;
my $s = $t[2];
printf("{\"version\":\"%s\",\"files\":%d,\"bytes\":%d,\"seconds\":%.4f,\"mbPerSecond\":%.2f}\n",
    $Sisimai::VERSION, scalar @mails, $bytes, $s, $bytes / 1e6 / $s);
