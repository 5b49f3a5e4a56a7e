# throughput (records/s) — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-throughput.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-throughput.svg'
set title 'throughput (records/s) — hash'
set key outside right top noenhanced
set grid ytics
set ylabel 'throughput (records/s)'
set yrange [0:*]
set style fill solid 0.75 border -1
set boxwidth 0.6
set xrange [-0.6:5.6]
set xtics ('hash_algorithm=md5, hash_encoding=binary' 0, 'hash_algorithm=md5, hash_encoding=hex' 1, 'hash_algorithm=sha256, hash_encoding=binary' 2, 'hash_algorithm=sha256, hash_encoding=hex' 3, 'hash_algorithm=xxh64, hash_encoding=binary' 4, 'hash_algorithm=xxh64, hash_encoding=hex' 5) rotate by -35
plot 'hash-throughput.dat' using 1:2 with boxes lc rgb '#4477aa' notitle, \
     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title '95% CI'
unset output
