# throughput (records/s) — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-throughput.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-throughput.svg'
set title 'throughput (records/s) — hash'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.75 border -1
set boxwidth 0.6
set xrange [-0.6:5.6]
set xtics ('hash_algorithm=md5, hash_encoding=binary' 0, 'hash_algorithm=md5, hash_encoding=hex' 1, 'hash_algorithm=sha256, hash_encoding=binary' 2, 'hash_algorithm=sha256, hash_encoding=hex' 3, 'hash_algorithm=xxh64, hash_encoding=binary' 4, 'hash_algorithm=xxh64, hash_encoding=hex' 5) rotate by -30
set ylabel 'throughput (records/s)'
set yrange [0:1250000]
set ytics ('0' 0, '250k' 250000, '500k' 500000, '750k' 750000, '1M' 1000000, '1.25M' 1250000)
set label 'hash_algorithm=md5, hash_encoding=binary: 990k [95% CI 926k–992k]' at 0, 990044.3 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'hash_algorithm=md5, hash_encoding=hex: 941k [95% CI 914k–993k]' at 1, 940580.9 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'hash_algorithm=sha256, hash_encoding=binary: 876k [95% CI 842k–893k]' at 2, 875733.8 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'hash_algorithm=sha256, hash_encoding=hex: 852k [95% CI 846k–889k]' at 3, 851961.4 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'hash_algorithm=xxh64, hash_encoding=binary: 1.12M [95% CI 1.11M–1.14M]' at 4, 1119488.4 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'hash_algorithm=xxh64, hash_encoding=hex: 1.13M [95% CI 1.11M–1.19M]' at 5, 1133400.3 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'hash-throughput.dat' using 1:2 with boxes lc rgb '#4477aa' notitle, \
     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title '95% CI'
unset output
